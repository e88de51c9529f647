#include "JobPanel.h"

#include "jobs/JobManager.h"
#include "models/JobListModel.h"
#include "widgets/JobRowWidget.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

namespace PgVault {

JobPanel::JobPanel(JobListModel *model, JobManager *manager, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_manager(manager)
    , m_summaryLabel(new QLabel(this))
    , m_clearButton(new QPushButton(tr("Clear Finished"), this))
    , m_scrollArea(new QScrollArea(this))
    , m_container(new QWidget(m_scrollArea))
    , m_rowsLayout(new QVBoxLayout(m_container))
    , m_emptyLabel(new QLabel(m_container))
{
    setObjectName(QStringLiteral("jobPanel"));

    auto *title = new QLabel(tr("Jobs"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_summaryLabel->setObjectName(QStringLiteral("jobSummaryLabel"));
    m_summaryLabel->setForegroundRole(QPalette::PlaceholderText);

    m_clearButton->setObjectName(QStringLiteral("clearFinishedButton"));
    m_clearButton->setToolTip(tr("Remove finished jobs from this list"));
    connect(m_clearButton, &QPushButton::clicked, m_manager, &JobManager::clearFinished);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(10, 6, 10, 4);
    header->setSpacing(10);
    header->addWidget(title);
    header->addWidget(m_summaryLabel, 1);
    header->addWidget(m_clearButton);

    m_emptyLabel->setObjectName(QStringLiteral("noJobsLabel"));
    m_emptyLabel->setText(tr("No jobs yet. Backups, restores and checks you start appear here "
                             "with their progress."));
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);

    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(0);
    m_container->setBackgroundRole(QPalette::Base);
    m_container->setAutoFillBackground(true);

    m_scrollArea->setObjectName(QStringLiteral("jobScrollArea"));
    m_scrollArea->setWidgetResizable(true);
    m_scrollArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scrollArea->setWidget(m_container);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_scrollArea, 1);

    connect(m_model, &QAbstractItemModel::rowsInserted, this, &JobPanel::onRowsInserted);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &JobPanel::onRowsRemoved);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &JobPanel::onDataChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &JobPanel::rebuildRows);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, &JobPanel::rebuildRows);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &JobPanel::rebuildRows);

    rebuildRows();
}

QList<JobRowWidget *> JobPanel::rows() const
{
    QList<JobRowWidget *> newestFirst(m_rows.crbegin(), m_rows.crend());
    return newestFirst;
}

void JobPanel::rebuildRows()
{
    qDeleteAll(m_rows);
    m_rows.clear();
    for (int row = 0; row < m_model->rowCount(); ++row)
        m_rows.append(new JobRowWidget(QPersistentModelIndex(m_model->index(row, 0)), m_container));
    relayout();
}

void JobPanel::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    for (int row = first; row <= last; ++row) {
        m_rows.insert(row,
                      new JobRowWidget(QPersistentModelIndex(m_model->index(row, 0)), m_container));
    }
    relayout();
    m_scrollArea->verticalScrollBar()->setValue(0); // the newest job is at the top
}

void JobPanel::onRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    for (int row = last; row >= first; --row)
        delete m_rows.takeAt(row);
    relayout();
}

void JobPanel::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    for (int row = topLeft.row(); row <= bottomRight.row() && row < m_rows.size(); ++row)
        m_rows.at(row)->refresh();
    updateHeader();
}

void JobPanel::relayout()
{
    while (m_rowsLayout->count() > 0)
        delete m_rowsLayout->takeAt(0);
    for (auto it = m_rows.crbegin(); it != m_rows.crend(); ++it) {
        (*it)->setSeparatorVisible(it != m_rows.crbegin());
        m_rowsLayout->addWidget(*it);
        (*it)->show(); // at once, not on the layout's next pass
    }
    m_emptyLabel->setVisible(m_rows.isEmpty());
    m_rowsLayout->addWidget(m_emptyLabel, m_rows.isEmpty() ? 1 : 0);
    if (!m_rows.isEmpty())
        m_rowsLayout->addStretch(1);
    updateHeader();
}

void JobPanel::updateHeader()
{
    int running = 0;
    int finished = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const auto state = Job::State(m_model->index(row, 0).data(JobListModel::StateRole).toInt());
        if (state == Job::State::Succeeded || state == Job::State::Failed
            || state == Job::State::Cancelled)
            ++finished;
        else
            ++running;
    }
    if (running > 0)
        m_summaryLabel->setText(tr("%n running", nullptr, running));
    else if (finished > 0)
        m_summaryLabel->setText(tr("all finished"));
    else
        m_summaryLabel->setText(QString());
    m_clearButton->setEnabled(finished > 0);
    if (running != m_lastRunning) {
        m_lastRunning = running;
        Q_EMIT runningCountChanged(running);
    }
}

} // namespace PgVault
