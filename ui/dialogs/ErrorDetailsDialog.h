#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace PgVault {

// Shows what went wrong (the translated message) and, below it, the technical detail verbatim
// (libpq's text, stderr lines, a command line) in a selectable monospaced box with a Copy
// button. Non-modal; deletes itself when closed.
class ErrorDetailsDialog : public QDialog
{
    Q_OBJECT

public:
    ErrorDetailsDialog(const QString &title, const QString &message, const QString &detail,
                       QWidget *parent = nullptr);

    // Creates, shows and returns a dialog (never exec()).
    static ErrorDetailsDialog *showDetails(const QString &title, const QString &message,
                                           const QString &detail, QWidget *parent);

private:
    QLabel *m_messageLabel;
    QPlainTextEdit *m_detailEdit;
};

} // namespace PgVault
