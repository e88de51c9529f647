#pragma once

#include "jobs/JobContext.h"
#include "jobs/ThreadedJob.h"

#include <QThread>

namespace PgVault::Test {

// A ThreadedJob for GUI tests: copies `total` bytes in chunks of `chunk` every `sleepMs`,
// stops when cancelled, and can fail at the end or stop early for the "Stop" meaning.
class FakeCopyJob : public ThreadedJob
{
public:
    enum class Ending { Succeed, Fail };

    FakeCopyJob(const QString &title, qint64 total, qint64 chunk, int sleepMs,
                Ending ending = Ending::Succeed, CancelMeaning meaning = CancelMeaning::Discard)
        : ThreadedJob(QStringLiteral("fake-copy"), title)
        , m_total(total)
        , m_chunk(chunk)
        , m_sleepMs(sleepMs)
        , m_ending(ending)
        , m_meaning(meaning)
    {}

    CancelMeaning cancelMeaning() const override { return m_meaning; }

protected:
    Result<QJsonObject> work(JobContext &context) override
    {
        context.setPhase(QStringLiteral("copying"), QStringLiteral("Copying “shop”"));
        context.setBytesTotal(m_total);
        context.info(QStringLiteral("started copying %1 bytes").arg(m_total));
        for (qint64 done = 0; done < m_total; done += m_chunk) {
            if (context.isCancelled()) {
                context.warning(QStringLiteral("stopped by the user"));
                return JobContext::cancelledError();
            }
            context.setCurrentItem(QStringLiteral("public.orders"));
            context.addBytesDone(qMin(m_chunk, m_total - done));
            QThread::msleep(static_cast<unsigned long>(m_sleepMs));
        }
        if (m_ending == Ending::Fail) {
            return Error(ErrorCode::DiskFull,
                         QStringLiteral("The disk holding /srv/backups is full. Free some space "
                                        "and start the dump again."),
                         QStringLiteral("write(/srv/backups/x.zst): No space left on device "
                                        "(ENOSPC)"));
        }
        context.info(QStringLiteral("finished"));
        return QJsonObject{{QStringLiteral("copied"), m_total}};
    }

private:
    qint64 m_total;
    qint64 m_chunk;
    int m_sleepMs;
    Ending m_ending;
    CancelMeaning m_meaning;
};

} // namespace PgVault::Test
