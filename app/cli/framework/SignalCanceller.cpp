#include "SignalCanceller.h"

#include <QPointer>
#include <QSocketNotifier>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace PgVault::Cli {

namespace {

// The self-pipe, created once per process and kept: a handler may still run while an instance
// is being destroyed, and must always find a valid descriptor.
int s_pipe[2] = {-1, -1};
bool s_active = false;

extern "C" void onSignal(int signalNumber)
{
    const int savedErrno = errno;
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    // Nothing to do if the pipe is full: one pending byte already wakes the event loop.
    if (::write(s_pipe[1], &byte, 1) < 0) {
    }
    errno = savedErrno;
}

void install(int signalNumber, struct sigaction *previous)
{
    struct sigaction action
    {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    // SA_RESETHAND: the second signal gets the default action (the process ends at once).
    action.sa_flags = SA_RESETHAND | SA_RESTART;
    ::sigaction(signalNumber, &action, previous);
}

} // namespace

SignalCanceller::SignalCanceller(QObject *parent)
    : QObject(parent)
{
    Q_ASSERT_X(!s_active, "SignalCanceller", "only one active instance at a time");
    if (s_pipe[0] < 0 && ::pipe2(s_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        qWarning("SignalCanceller: pipe2 failed; Ctrl+C will end the process at once");
    if (s_pipe[0] >= 0) {
        m_notifier = new QSocketNotifier(s_pipe[0], QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &SignalCanceller::onReadable);
        install(SIGINT, &m_previousInt);
        install(SIGTERM, &m_previousTerm);
        m_installed = true;
        s_active = true;
    }
}

SignalCanceller::~SignalCanceller()
{
    stop();
}

void SignalCanceller::stop()
{
    if (m_installed) {
        ::sigaction(SIGINT, &m_previousInt, nullptr);
        ::sigaction(SIGTERM, &m_previousTerm, nullptr);
        m_notifier->setEnabled(false);
        // Drop bytes of signals that arrived but were not delivered, so the next instance
        // does not see them.
        unsigned char buffer[16];
        while (::read(s_pipe[0], buffer, sizeof buffer) > 0) {
        }
        m_installed = false;
        s_active = false;
    }
}

void SignalCanceller::onReadable()
{
    // A receiver may destroy this object (the job it cancels finishes at once).
    const QPointer<SignalCanceller> self(this);
    unsigned char byte = 0;
    while (self && m_installed && ::read(s_pipe[0], &byte, 1) == 1)
        Q_EMIT interrupted(byte);
}

} // namespace PgVault::Cli
