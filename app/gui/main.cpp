// The GUI's main(): builds the application, the translators, the core services and the main
// window; nothing else.

#include "PgVaultResources.h"
#include "TranslationsInit.h"
#include "jobs/JobManager.h"
#include "secrets/SecretStore.h"
#include "settings/ProfileStore.h"
#include "settings/Settings.h"
#include "support/AppServices.h"
#include "support/Icons.h"
#include "support/Translator.h"
#include "tools/ToolLocator.h"
#include "windows/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

// --version and --help are answered before QApplication exists, so that they work without a
// display (CI runs `pgvault --version`).
bool handledWithoutDisplay(int argc, char *argv[], int &exitCode)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::printf("pgvault %s\n", PGVAULT_VERSION_STRING);
            exitCode = 0;
            return true;
        }
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            std::printf("Usage: pgvault [options]\n\n"
                        "PgVault, a backup manager for PostgreSQL.\n\n"
                        "Options:\n"
                        "  -h, --help     Show this help.\n"
                        "  -v, --version  Show the version.\n"
                        "\nStandard Qt options (-platform, -style, …) are accepted too.\n");
            exitCode = 0;
            return true;
        }
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    int exitCode = 0;
    if (handledWithoutDisplay(argc, argv, exitCode))
        return exitCode;

    QApplication::setApplicationName(QStringLiteral("pgvault"));
    QApplication::setApplicationDisplayName(QStringLiteral("PgVault"));
    QApplication::setApplicationVersion(QStringLiteral(PGVAULT_VERSION_STRING));
    QApplication::setOrganizationDomain(QStringLiteral("pgvault.org"));
    QApplication::setDesktopFileName(QStringLiteral(PGVAULT_APP_ID));
    QApplication app(argc, argv);

    pgvaultInitResources();
    pgvaultInitTranslations();
    QApplication::setWindowIcon(PgVault::Icons::application());

    PgVault::Translator translator;
    translator.install(QLocale::system());

    // Qt's own options (-platform, -style) were taken by QApplication; reject anything else.
    QCommandLineParser parser;
    parser.setApplicationDescription(
            QApplication::translate("main", "Backup manager for PostgreSQL"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    PgVault::Settings settings; // Settings::defaultFilePath()
    PgVault::SecretStore secrets;
    PgVault::ProfileStore profiles(&settings, &secrets);
    PgVault::JobManager jobs;
    PgVault::ToolLocator::Options toolOptions;
    toolOptions.extraDirs = settings.pgBinDirs();
    auto tools = std::make_shared<const PgVault::ToolLocator>(toolOptions);

    PgVault::AppServices services;
    services.settings = &settings;
    services.profiles = &profiles;
    services.secrets = &secrets;
    services.jobs = &jobs;
    services.tools = tools;

    PgVault::MainWindow window(services);
    window.show();
    exitCode = QApplication::exec();

    // Finish what runs (cancel and wait, never terminate) while everything still exists.
    jobs.cancelAllAndWait();
    return exitCode;
}
