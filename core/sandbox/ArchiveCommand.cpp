#include "ArchiveCommand.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace PgVault {

namespace {

bool isShellSafe(QChar c)
{
    if ((c >= QLatin1Char('a') && c <= QLatin1Char('z'))
        || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
        || (c >= QLatin1Char('0') && c <= QLatin1Char('9')))
        return true;
    return QStringView(u"_./+,:=@-").contains(c);
}

bool isExecutableFile(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

} // namespace

QString ArchiveCommand::build(const QString &cliPath, const QString &repositoryPath)
{
    return escapePercent(shellQuote(cliPath)) + QStringLiteral(" --repo ")
           + escapePercent(shellQuote(repositoryPath)) + QStringLiteral(" wal-push %p");
}

QString ArchiveCommand::shellQuote(const QString &argument)
{
    if (!argument.isEmpty() && std::all_of(argument.cbegin(), argument.cend(), isShellSafe))
        return argument;
    QString quoted = argument;
    // Inside '…' nothing is special except the closing quote: end the quoted part, add an
    // escaped quote, and open a new one.
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString ArchiveCommand::escapePercent(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('%'), QStringLiteral("%%"));
    return escaped;
}

QString ArchiveCommand::confValue(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

QString ArchiveCommand::findCli()
{
    const QString env = qEnvironmentVariable("PGVAULT_CLI");
    if (!env.isEmpty() && isExecutableFile(env))
        return QFileInfo(env).absoluteFilePath();

    const QString name = QStringLiteral("pgvault-cli");
    if (QCoreApplication::instance()) {
        const QDir appDir(QCoreApplication::applicationDirPath());
        for (const QString &candidate :
             {appDir.filePath(name), appDir.filePath(QStringLiteral("../cli/") + name)}) {
            if (isExecutableFile(candidate))
                return QFileInfo(candidate).canonicalFilePath();
        }
    }
    return QStandardPaths::findExecutable(name);
}

} // namespace PgVault
