#include "JobRowWidget.h"

#include "common/Format.h"
#include "dialogs/ErrorDetailsDialog.h"
#include "jobs/Job.h"
#include "models/JobListModel.h"
#include "support/Icons.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace PgVault {

namespace {

constexpr int ProgressSteps = 1000;

QVariant roleOf(const QPersistentModelIndex &index, int role)
{
    return index.isValid() ? index.data(role) : QVariant();
}

} // namespace

JobRowWidget::JobRowWidget(const QPersistentModelIndex &index, QWidget *parent)
    : QFrame(parent)
    , m_index(index)
    , m_separator(new QFrame(this))
    , m_stateIconLabel(new QLabel(this))
    , m_titleLabel(new QLabel(this))
    , m_phaseLabel(new QLabel(this))
    , m_statsLabel(new QLabel(this))
    , m_stateLabel(new QLabel(this))
    , m_cancelButton(new QPushButton(this))
    , m_logButton(new QToolButton(this))
    , m_progressBar(new QProgressBar(this))
    , m_errorRow(new QWidget(this))
    , m_errorLabel(new QLabel(m_errorRow))
    , m_detailsButton(new QPushButton(tr("Details…"), m_errorRow))
    , m_logEdit(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("jobRowWidget"));
    setFrameShape(QFrame::NoFrame);

    m_titleLabel->setObjectName(QStringLiteral("jobTitleLabel"));
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);
    m_titleLabel->setTextFormat(Qt::PlainText);

    m_phaseLabel->setObjectName(QStringLiteral("jobPhaseLabel"));
    m_phaseLabel->setTextFormat(Qt::PlainText);
    m_phaseLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_phaseLabel->setForegroundRole(QPalette::PlaceholderText);

    m_statsLabel->setObjectName(QStringLiteral("jobStatsLabel"));
    m_statsLabel->setTextFormat(Qt::PlainText);
    m_stateLabel->setObjectName(QStringLiteral("jobStateLabel"));
    m_stateLabel->setTextFormat(Qt::PlainText);

    m_cancelButton->setObjectName(QStringLiteral("cancelJobButton"));
    m_cancelButton->setIcon(Icons::cancel());
    connect(m_cancelButton, &QPushButton::clicked, this, &JobRowWidget::onCancelClicked);

    m_logButton->setObjectName(QStringLiteral("showLogToolButton"));
    m_logButton->setCheckable(true);
    m_logButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_logButton->setArrowType(Qt::RightArrow);
    m_logButton->setText(tr("Log"));
    m_logButton->setToolTip(tr("Show or hide the messages of this job"));
    m_logButton->setAutoRaise(true);
    connect(m_logButton, &QToolButton::toggled, this, &JobRowWidget::setLogVisible);

    m_progressBar->setObjectName(QStringLiteral("jobProgressBar"));
    m_progressBar->setRange(0, ProgressSteps);
    m_progressBar->setTextVisible(true);

    m_errorLabel->setObjectName(QStringLiteral("jobErrorLabel"));
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailsButton->setObjectName(QStringLiteral("jobErrorDetailsButton"));
    connect(m_detailsButton, &QPushButton::clicked, this, &JobRowWidget::onDetailsClicked);
    auto *errorLayout = new QHBoxLayout(m_errorRow);
    // Under the title, past the state icon.
    errorLayout->setContentsMargins(
            style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this) + 10, 0, 0, 0);
    errorLayout->addWidget(m_errorLabel, 1);
    errorLayout->addWidget(m_detailsButton, 0, Qt::AlignTop);

    m_logEdit->setObjectName(QStringLiteral("jobLogPlainTextEdit"));
    m_logEdit->setReadOnly(true);
    m_logEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_logEdit->setMaximumHeight(140);
    m_logEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_logEdit->setVisible(false);

    const int stateIconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_stateIconLabel->setFixedSize(stateIconSize, stateIconSize);
    m_stateIconLabel->setVisible(false);

    auto *top = new QHBoxLayout;
    top->setSpacing(10);
    top->addWidget(m_stateIconLabel);
    top->addWidget(m_titleLabel);
    top->addWidget(m_phaseLabel, 1);
    top->addWidget(m_statsLabel);
    top->addWidget(m_stateLabel);
    top->addWidget(m_cancelButton);
    top->addWidget(m_logButton);

    m_separator->setFrameShape(QFrame::HLine);
    m_separator->setFrameShadow(QFrame::Plain);
    m_separator->setForegroundRole(QPalette::Midlight);
    m_separator->setVisible(false);

    auto *body = new QVBoxLayout;
    body->setContentsMargins(10, 6, 10, 8);
    body->setSpacing(4);
    body->addLayout(top);
    body->addWidget(m_progressBar);
    body->addWidget(m_errorRow);
    body->addWidget(m_logEdit);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_separator);
    layout->addLayout(body);

    refresh();
}

void JobRowWidget::refresh()
{
    if (!m_index.isValid())
        return;
    const auto state = Job::State(roleOf(m_index, JobListModel::StateRole).toInt());
    const bool finished = state == Job::State::Succeeded || state == Job::State::Failed
                          || state == Job::State::Cancelled;

    m_titleLabel->setText(roleOf(m_index, Qt::DisplayRole).toString());

    QString phase = roleOf(m_index, JobListModel::PhaseRole).toString();
    const QString item = roleOf(m_index, JobListModel::CurrentItemRole).toString();
    if (!finished && !item.isEmpty())
        phase = phase.isEmpty() ? item : tr("%1 — %2").arg(phase, item);
    m_phaseLabel->setText(finished ? QString() : phase);
    m_phaseLabel->setToolTip(phase);

    m_stateLabel->setText(roleOf(m_index, JobListModel::StateTextRole).toString());
    QIcon stateIcon;
    QColor stateColour = palette().color(QPalette::WindowText);
    if (state == Job::State::Succeeded) {
        stateIcon = Icons::ok();
        stateColour = QColor(0x2e, 0x7d, 0x32);
    } else if (state == Job::State::Failed) {
        stateIcon = Icons::error();
        stateColour = QColor(0xc6, 0x28, 0x28);
    } else if (state == Job::State::Cancelled) {
        stateIcon = Icons::cancel();
    }
    m_stateIconLabel->setVisible(!stateIcon.isNull());
    if (!stateIcon.isNull())
        m_stateIconLabel->setPixmap(
                stateIcon.pixmap(m_stateIconLabel->size(), devicePixelRatioF()));
    QPalette statePalette = m_stateLabel->palette();
    statePalette.setColor(QPalette::WindowText, stateColour);
    m_stateLabel->setPalette(statePalette);
    m_statsLabel->setText(statsText());

    // Cancel (undo) or Stop (keep what is done), chosen by the job.
    const auto meaning
            = Job::CancelMeaning(roleOf(m_index, JobListModel::CancelMeaningRole).toInt());
    if (meaning == Job::CancelMeaning::KeepCompleted) {
        m_cancelButton->setText(tr("Stop"));
        m_cancelButton->setToolTip(tr("Stop this job and keep what it has finished so far"));
    } else {
        m_cancelButton->setText(tr("Cancel"));
        m_cancelButton->setToolTip(tr("Cancel this job and remove what it has written"));
    }
    m_cancelButton->setVisible(!finished);
    m_cancelButton->setEnabled(roleOf(m_index, JobListModel::CanCancelRole).toBool());

    const double fraction = roleOf(m_index, JobListModel::FractionRole).toDouble();
    if (finished) {
        m_progressBar->setVisible(false);
    } else if (fraction < 0) {
        m_progressBar->setRange(0, 0); // busy indicator: no total known
        m_progressBar->setVisible(true);
    } else {
        m_progressBar->setRange(0, ProgressSteps);
        m_progressBar->setValue(qRound(fraction * ProgressSteps));
        m_progressBar->setVisible(true);
    }

    const QString errorMessage = roleOf(m_index, JobListModel::ErrorMessageRole).toString();
    const bool showError = state == Job::State::Failed && !errorMessage.isEmpty();
    m_errorRow->setVisible(showError);
    m_errorLabel->setText(errorMessage);
    m_detailsButton->setVisible(
            !roleOf(m_index, JobListModel::ErrorDetailRole).toString().isEmpty());

    const int messageCount = roleOf(m_index, JobListModel::MessageCountRole).toInt();
    m_logButton->setEnabled(messageCount > 0);
    if (messageCount != m_shownMessageCount) {
        m_shownMessageCount = messageCount;
        QScrollBar *bar = m_logEdit->verticalScrollBar();
        const bool atEnd = bar->value() == bar->maximum();
        m_logEdit->setPlainText(roleOf(m_index, JobListModel::LogRole).toString());
        if (atEnd)
            bar->setValue(bar->maximum());
        m_logButton->setText(tr("Log (%1)").arg(messageCount));
    }
}

void JobRowWidget::setLogVisible(bool visible)
{
    m_logButton->setChecked(visible);
    m_logButton->setArrowType(visible ? Qt::DownArrow : Qt::RightArrow);
    m_logEdit->setVisible(visible);
}

void JobRowWidget::setSeparatorVisible(bool visible)
{
    m_separator->setVisible(visible);
}

void JobRowWidget::onCancelClicked()
{
    auto *job = qobject_cast<Job *>(roleOf(m_index, JobListModel::JobRole).value<QObject *>());
    if (job)
        job->cancel();
}

void JobRowWidget::onDetailsClicked()
{
    ErrorDetailsDialog::showDetails(
            tr("%1 failed").arg(roleOf(m_index, Qt::DisplayRole).toString()),
            roleOf(m_index, JobListModel::ErrorMessageRole).toString(),
            roleOf(m_index, JobListModel::ErrorDetailRole).toString(), this);
}

QString JobRowWidget::statsText() const
{
    const auto state = Job::State(roleOf(m_index, JobListModel::StateRole).toInt());
    const qint64 done = roleOf(m_index, JobListModel::BytesDoneRole).toLongLong();
    const qint64 total = roleOf(m_index, JobListModel::BytesTotalRole).toLongLong();
    const double rate = roleOf(m_index, JobListModel::BytesPerSecondRole).toDouble();
    const qint64 eta = roleOf(m_index, JobListModel::EtaSecondsRole).toLongLong();
    const qint64 elapsed = roleOf(m_index, JobListModel::ElapsedSecondsRole).toLongLong();

    QStringList parts;
    if (state == Job::State::Succeeded && done > 0)
        parts.append(formatBytes(done));
    else if (total > 0)
        parts.append(tr("%1 of %2").arg(formatBytes(done), formatBytes(total)));
    else if (done > 0)
        parts.append(formatBytes(done));

    switch (state) {
    case Job::State::Running:
        if (rate > 0)
            parts.append(formatRate(rate));
        if (eta >= 0)
            parts.append(tr("%1 left").arg(formatDuration(eta)));
        break;
    case Job::State::Succeeded:
    case Job::State::Failed:
    case Job::State::Cancelled:
        if (elapsed >= 0)
            parts.append(tr("took %1").arg(formatDuration(elapsed)));
        break;
    case Job::State::Pending:
    case Job::State::Cancelling: break;
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace PgVault
