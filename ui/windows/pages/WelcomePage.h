#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace PgVault {

// First start, when no server is saved: what PgVault does, and the two ways to begin — add an
// existing server, or create a sandbox server on this computer to try PgVault safely.
class WelcomePage : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);

    // While the sandbox is being created the button waits and the page says so.
    void setSandboxBusy(bool busy);
    // Shows why creating the sandbox failed (empty hides it).
    void setSandboxError(const QString &message);
    // Whether "Create a sandbox server" can work here at all (initdb/pg_ctl found, …);
    // when not, the reason is shown under the button.
    void setSandboxAvailable(bool available, const QString &reason = {});

Q_SIGNALS:
    void addServerRequested();
    void createSandboxRequested();

private:
    QWidget *choice(QPushButton *button, const QString &caption);

    QPushButton *m_addServerButton;
    QPushButton *m_sandboxButton;
    QLabel *m_sandboxCaption;
    QLabel *m_sandboxStatusLabel;
    QString m_sandboxCaptionText;
};

} // namespace PgVault
