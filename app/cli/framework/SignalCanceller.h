#pragma once

#include <QObject>

#include <signal.h>

class QSocketNotifier;

namespace PgVault::Cli {

// Turns SIGINT and SIGTERM into a Qt signal while a job runs, so Ctrl+C cancels the job
// cleanly (partial files removed, child processes stopped) instead of killing the process.
//
// The handler does no work: it writes the signal number to a self-pipe, and a QSocketNotifier
// on the event loop emits interrupted(). It is installed with SA_RESETHAND, so the second
// Ctrl+C finds the default action and ends the process at once, as users expect when a
// cancel takes too long. The previous handlers are restored on destruction.
//
// One instance at a time (signal dispositions are process-wide).
class SignalCanceller : public QObject
{
    Q_OBJECT

public:
    explicit SignalCanceller(QObject *parent = nullptr);
    ~SignalCanceller() override;

    // Restores the previous handlers now (the destructor does it too). Safe to call from a
    // slot connected to interrupted(), where deleting this object is not.
    void stop();

Q_SIGNALS:
    void interrupted(int signalNumber);

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
    bool m_installed = false;
    struct sigaction m_previousInt
    {};
    struct sigaction m_previousTerm
    {};
};

} // namespace PgVault::Cli
