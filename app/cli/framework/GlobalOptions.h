#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace PgVault::Cli {

// The options every command accepts, before or after the command name
// (ARCHITECTURE.md, "CLI contract").
struct GlobalOptions
{
    bool help = false;
    bool version = false;
    bool json = false;    // machine-readable output: JSON lines on stdout
    bool quiet = false;   // no progress and no informational lines; warnings and errors stay
    bool verbose = false; // errors also print their technical detail
    std::optional<QString> repo;
    QStringList pgBinDirs; // --pg-bin, repeatable
    std::optional<QString> profile;
    std::optional<QString> conninfo; // may legitimately be empty: libpq's defaults
    // --config FILE: the settings file to use instead of the default one (tests, several setups).
    std::optional<QString> configFile;

    static QList<QCommandLineOption> definitions();
    // Overlays what `parser` saw onto this; lists are appended, single values replaced.
    void readFrom(const QCommandLineParser &parser);
};

} // namespace PgVault::Cli
