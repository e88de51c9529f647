// pgvault-cli: QCoreApplication, translations, dispatch, exit code. Everything else lives in
// pgvault-clilib (framework/, output/, commands/) so the tests can run it in-process.

#include "framework/Dispatcher.h"
#include "output/Console.h"

#include "TranslationsInit.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("pgvault-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PGVAULT_VERSION_STRING));

    // Embedded .qm files: mapping them costs microseconds, so even wal-push can afford it.
    pgvaultInitTranslations();
    QTranslator ours;
    if (ours.load(QLocale(), QStringLiteral("pgvault"), QStringLiteral("_"),
                  QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&ours);
    QTranslator qt; // QCommandLineParser's own messages ("Unknown option …")
    if (qt.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qt);

    const std::unique_ptr<PgVault::Cli::Console> console = PgVault::Cli::Console::forProcess();
    PgVault::Cli::Dispatcher dispatcher(*console);
    // Queued: the exit must reach the main loop even when a command finishes inside a nested
    // one (a keychain wait).
    QObject::connect(
            &dispatcher, &PgVault::Cli::Dispatcher::finished, &app,
            [](int code) { QCoreApplication::exit(code); }, Qt::QueuedConnection);
    dispatcher.start(QCoreApplication::arguments());
    if (dispatcher.isFinished())
        return dispatcher.exitCode();
    return QCoreApplication::exec();
}
