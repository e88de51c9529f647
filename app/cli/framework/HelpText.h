#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace PgVault::Cli {

class Command;

// The --help texts. Built here rather than by QCommandLineParser::helpText(), which names the
// program after argv[0] (a test binary in in-process tests) and knows nothing of commands.
class HelpText
{
public:
    // pgvault-cli --help: the commands and the global options.
    static QString general(const std::vector<std::unique_ptr<Command>> &commands);
    // pgvault-cli profile --help: the commands of one group.
    static QString group(const QString &group,
                         const std::vector<std::unique_ptr<Command>> &commands);
    // pgvault-cli profile add --help.
    static QString command(const Command &command);

    static QString version();

private:
    // Two columns, "  left   description", wrapped to 100 columns.
    static QString table(const QList<std::pair<QString, QString>> &rows);
    static QList<std::pair<QString, QString>> optionRows(const QList<QCommandLineOption> &options);
    static QList<std::pair<QString, QString>> commandRows(
            const std::vector<std::unique_ptr<Command>> &commands, const QString &group);
};

} // namespace PgVault::Cli
