#pragma once

#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace PgVault {

class JobListModel;
class JobManager;
class JobRowWidget;

// The job panel at the bottom of the main window: every running and finished job of the
// JobManager, newest first, one JobRowWidget each, following a JobListModel.
class JobPanel : public QWidget
{
    Q_OBJECT

public:
    JobPanel(JobListModel *model, JobManager *manager, QWidget *parent = nullptr);

    JobListModel *model() const { return m_model; }
    // The rows in display order (newest first).
    QList<JobRowWidget *> rows() const;

Q_SIGNALS:
    void runningCountChanged(int running);

private:
    void rebuildRows();
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onRowsRemoved(const QModelIndex &parent, int first, int last);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void relayout();
    void updateHeader();

    JobListModel *m_model;
    JobManager *m_manager;
    QLabel *m_summaryLabel;
    QPushButton *m_clearButton;
    QScrollArea *m_scrollArea;
    QWidget *m_container;
    QVBoxLayout *m_rowsLayout;
    QLabel *m_emptyLabel;
    QList<JobRowWidget *> m_rows; // in model order (oldest first)
    int m_lastRunning = -1;
};

} // namespace PgVault
