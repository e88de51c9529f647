// Connecting to places where no PostgreSQL answers: a refused port, a port that accepts TCP but
// never speaks (a "black hole", so connect_timeout must fire), an unroutable address, and
// cancelling while libpq waits. No server is needed; everything stays on 127.0.0.1 except the
// unroutable-address case.
#include "connection/AsyncConnector.h"
#include "connection/ConnInfo.h"
#include "connection/PgConnection.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

using namespace PgVault;

namespace {

// A TCP socket bound to 127.0.0.1 on a kernel-chosen port; listening or not.
class LocalPort
{
public:
    explicit LocalPort(bool listening)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
            return;
        socklen_t len = sizeof addr;
        if (::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len) != 0)
            return;
        // Listening but never accepting: the kernel completes the handshake, then silence.
        if (listening && ::listen(m_fd, 16) != 0)
            return;
        m_port = ntohs(addr.sin_port);
    }
    ~LocalPort()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    LocalPort(const LocalPort &) = delete;
    LocalPort &operator=(const LocalPort &) = delete;

    int port() const { return m_port; }

private:
    int m_fd = -1;
    int m_port = 0;
};

ConnInfo info(const QString &text)
{
    Result<ConnInfo> r = ConnInfo::parse(text);
    return r ? *r : ConnInfo();
}

// Upper bound for "fails within the timeout": generous, so that a loaded CI machine passes.
constexpr qint64 kSlackMs = 8000;

} // namespace

class TestConnectFailures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusedPortAsync()
    {
        const LocalPort closed(false);
        QVERIFY(closed.port() > 0);
        AsyncConnector connector;
        QSignalSpy finished(&connector, &AsyncConnector::finished);
        connector.start(
                info(QStringLiteral("host=127.0.0.1 port=%1 dbname=x user=y connect_timeout=5")
                             .arg(closed.port())));
        QVERIFY(connector.isRunning());
        QCOMPARE(finished.count(), 0); // never from inside start()
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.count(), 1);
        QVERIFY(!connector.isRunning());
        QVERIFY(connector.error());
        const Error &e = *connector.error();
        QCOMPARE(e.code(), ErrorCode::ConnectionFailed);
        const QString where = QStringLiteral("127.0.0.1:%1").arg(closed.port());
        QVERIFY2(e.message().contains(where), qPrintable(e.message()));
        QVERIFY2(e.detail().contains(QLatin1String("Connection refused")), qPrintable(e.detail()));
        QVERIFY(!connector.takeConnection().isOpen());
    }

    void refusedPortBlocking()
    {
        const LocalPort closed(false);
        const Result<PgConnection> r = PgConnection::connect(
                info(QStringLiteral("host=127.0.0.1 port=%1 dbname=x user=y").arg(closed.port())));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::ConnectionFailed);
        QVERIFY2(r.error().message().contains(QStringLiteral("127.0.0.1:%1").arg(closed.port())),
                 qPrintable(r.error().message()));
    }

    void silentServerTimesOutAsync()
    {
        const LocalPort blackHole(true);
        QVERIFY(blackHole.port() > 0);
        AsyncConnector connector;
        QSignalSpy finished(&connector, &AsyncConnector::finished);
        QElapsedTimer clock;
        clock.start();
        connector.start(
                info(QStringLiteral("host=127.0.0.1 port=%1 dbname=x user=y connect_timeout=2")
                             .arg(blackHole.port())));
        QVERIFY(finished.wait(2000 + kSlackMs));
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(finished.count(), 1);
        QVERIFY(connector.error());
        const Error &e = *connector.error();
        QCOMPARE(e.code(), ErrorCode::Timeout);
        QVERIFY2(e.message().contains(QStringLiteral("127.0.0.1:%1").arg(blackHole.port())),
                 qPrintable(e.message()));
        QVERIFY2(elapsed >= 1900, qPrintable(QString::number(elapsed)));
        QVERIFY2(elapsed < 2000 + kSlackMs, qPrintable(QString::number(elapsed)));
    }

    void silentServerTimesOutBlocking()
    {
        const LocalPort blackHole(true);
        QElapsedTimer clock;
        clock.start();
        const Result<PgConnection> r = PgConnection::connect(
                info(QStringLiteral("host=127.0.0.1 port=%1 dbname=x user=y connect_timeout=2")
                             .arg(blackHole.port())));
        const qint64 elapsed = clock.elapsed();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::Timeout);
        QVERIFY2(r.error().message().contains(QStringLiteral("127.0.0.1:%1").arg(blackHole.port())),
                 qPrintable(r.error().message()));
        QVERIFY2(elapsed >= 1900 && elapsed < 2000 + kSlackMs,
                 qPrintable(QString::number(elapsed)));
    }

    void nextHostGetsANewSocket()
    {
        // libpq tries the refused port first, then moves on to the black hole with a new socket;
        // the timeout must name the host being tried when it fires.
        const LocalPort closed(false);
        const LocalPort blackHole(true);
        AsyncConnector connector;
        QSignalSpy finished(&connector, &AsyncConnector::finished);
        connector.start(info(QStringLiteral("host=127.0.0.1,127.0.0.1 port=%1,%2 dbname=x user=y "
                                            "connect_timeout=3")
                                     .arg(closed.port())
                                     .arg(blackHole.port())));
        QVERIFY(finished.wait(3000 + kSlackMs));
        QCOMPARE(connector.error()->code(), ErrorCode::Timeout);
        QVERIFY2(connector.error()->message().contains(
                         QStringLiteral("127.0.0.1:%1").arg(blackHole.port())),
                 qPrintable(connector.error()->message()));
    }

    void unroutableAddress()
    {
        // Depending on the network this times out or fails at once ("Network is unreachable");
        // either way within the timeout and naming the address.
        QElapsedTimer clock;
        clock.start();
        AsyncConnector connector;
        QSignalSpy finished(&connector, &AsyncConnector::finished);
        connector.start(info(
                QStringLiteral("host=10.255.255.1 port=5432 dbname=x user=y connect_timeout=2")));
        QVERIFY(finished.wait(2000 + kSlackMs));
        QVERIFY(clock.elapsed() < 2000 + kSlackMs);
        const Error &e = *connector.error();
        QVERIFY2(e.code() == ErrorCode::Timeout || e.code() == ErrorCode::ConnectionFailed,
                 qPrintable(e.toString()));
        QVERIFY2(e.message().contains(QLatin1String("10.255.255.1")), qPrintable(e.message()));
    }

    void cancelWhileConnecting()
    {
        const LocalPort blackHole(true);
        AsyncConnector connector;
        QSignalSpy finished(&connector, &AsyncConnector::finished);
        connector.start(
                info(QStringLiteral("host=127.0.0.1 port=%1 dbname=x user=y connect_timeout=60")
                             .arg(blackHole.port())));
        QTimer::singleShot(300, &connector, &AsyncConnector::cancel);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(finished.wait(10000));
        QVERIFY(clock.elapsed() < 10000);
        QCOMPARE(connector.error()->code(), ErrorCode::Cancelled);
        QVERIFY(connector.error()->message().contains(
                QStringLiteral("127.0.0.1:%1").arg(blackHole.port())));
        QVERIFY(!connector.isRunning());
        // Nothing more arrives later (no timeout, no second finished()).
        QTest::qWait(300);
        QCOMPARE(finished.count(), 1);
        connector.cancel(); // idle: no-op
        QCOMPARE(finished.count(), 1);
    }

    void restartWhileConnecting()
    {
        const LocalPort blackHole(true);
        const LocalPort closed(false);
        AsyncConnector connector;
        QSignalSpy finished(&connector, &AsyncConnector::finished);
        connector.start(
                info(QStringLiteral("host=127.0.0.1 port=%1 dbname=x user=y connect_timeout=60")
                             .arg(blackHole.port())));
        connector.start(
                info(QStringLiteral("host=127.0.0.1 port=%1 dbname=x user=y").arg(closed.port())));
        QVERIFY(finished.wait(10000));
        QTest::qWait(200);
        QCOMPARE(finished.count(), 1);
        QCOMPARE(connector.error()->code(), ErrorCode::ConnectionFailed);
    }

    void cancelFlagStopsBlockingConnect()
    {
        const LocalPort blackHole(true);
        std::atomic<bool> cancel{false};
        std::thread canceller([&cancel] {
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            cancel = true;
        });
        QElapsedTimer clock;
        clock.start();
        const Result<PgConnection> r = PgConnection::connect(
                info(QStringLiteral("host=127.0.0.1 port=%1 dbname=x user=y connect_timeout=60")
                             .arg(blackHole.port())),
                std::nullopt, &cancel);
        canceller.join();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::Cancelled);
        QVERIFY(clock.elapsed() < 10000);
    }

    void destroyWhileConnecting()
    {
        const LocalPort blackHole(true);
        auto *connector = new AsyncConnector;
        connector->start(info(
                QStringLiteral("host=127.0.0.1 port=%1 dbname=x user=y").arg(blackHole.port())));
        QTest::qWait(100);
        delete connector; // must not crash or emit
        QTest::qWait(100);
    }
};

QTEST_GUILESS_MAIN(TestConnectFailures)
#include "tst_connectfailures.moc"
