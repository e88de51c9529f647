#include "ErrorDetailsDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace PgVault {

ErrorDetailsDialog::ErrorDetailsDialog(const QString &title, const QString &message,
                                       const QString &detail, QWidget *parent)
    : QDialog(parent)
    , m_messageLabel(new QLabel(message, this))
    , m_detailEdit(new QPlainTextEdit(detail, this))
{
    setObjectName(QStringLiteral("errorDetailsDialog"));
    setWindowTitle(title);
    setAttribute(Qt::WA_DeleteOnClose);

    m_messageLabel->setObjectName(QStringLiteral("errorMessageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_messageLabel->font();
    bold.setBold(true);
    m_messageLabel->setFont(bold);

    auto *detailCaption = new QLabel(tr("Technical details:"), this);

    m_detailEdit->setObjectName(QStringLiteral("errorDetailPlainTextEdit"));
    m_detailEdit->setReadOnly(true);
    m_detailEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detailEdit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_detailEdit->setMinimumSize(520, 160);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("errorDetailsButtonBox"));
    QPushButton *copyButton = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    copyButton->setObjectName(QStringLiteral("copyDetailsButton"));
    connect(copyButton, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_messageLabel->text() + QLatin1Char('\n')
                                           + m_detailEdit->toPlainText());
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(m_messageLabel);
    layout->addWidget(detailCaption);
    layout->addWidget(m_detailEdit, 1);
    layout->addWidget(buttons);
    resize(640, 320);
}

ErrorDetailsDialog *ErrorDetailsDialog::showDetails(const QString &title, const QString &message,
                                                    const QString &detail, QWidget *parent)
{
    auto *dialog = new ErrorDetailsDialog(title, message, detail, parent);
    dialog->show();
    return dialog;
}

} // namespace PgVault
