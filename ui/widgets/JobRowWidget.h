#pragma once

#include <QFrame>
#include <QPersistentModelIndex>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QToolButton;

namespace PgVault {

// One job in the job panel, showing one row of a JobListModel: title, phase, a progress bar,
// bytes/rate/ETA, a Cancel or Stop button (by the job's cancelMeaning), an expandable log, and
// for a failure the message with "Details…" for the technical detail.
class JobRowWidget : public QFrame
{
    Q_OBJECT

public:
    explicit JobRowWidget(const QPersistentModelIndex &index, QWidget *parent = nullptr);

    const QPersistentModelIndex &index() const { return m_index; }
    // Re-reads everything from the model.
    void refresh();
    void setLogVisible(bool visible);
    // A thin line above the row, between it and the newer job above.
    void setSeparatorVisible(bool visible);

private:
    void onCancelClicked();
    void onDetailsClicked();
    QString statsText() const;

    QPersistentModelIndex m_index;
    QFrame *m_separator;
    QLabel *m_stateIconLabel;
    QLabel *m_titleLabel;
    QLabel *m_phaseLabel;
    QLabel *m_statsLabel;
    QLabel *m_stateLabel;
    QPushButton *m_cancelButton;
    QToolButton *m_logButton;
    QProgressBar *m_progressBar;
    QWidget *m_errorRow;
    QLabel *m_errorLabel;
    QPushButton *m_detailsButton;
    QPlainTextEdit *m_logEdit;
    int m_shownMessageCount = -1;
};

} // namespace PgVault
