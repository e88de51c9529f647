#include "ListCommand.h"

#include "framework/CliTr.h"
#include "framework/CommandContext.h"
#include "output/TextTable.h"

#include "backup/BackupCatalog.h"
#include "backup/BackupId.h"
#include "common/Format.h"

#include <QJsonArray>
#include <QLocale>
#include <QSet>

namespace PgVault::Cli {

namespace {

constexpr qsizetype MaxDatabasesShown = 3;

QString isoUtc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// The manifest's start, or for folders without one the time their id carries.
QDateTime startOf(const BackupEntry &entry)
{
    if (entry.manifest)
        return entry.manifest->startedAt;
    return BackupId::startTime(entry.id).value_or(QDateTime());
}

QString kindOf(const BackupEntry &entry)
{
    if (entry.manifest)
        return BackupManifest::kindName(entry.manifest->kind);
    if (const std::optional<BackupKind> kind = BackupId::kind(entry.id))
        return BackupManifest::kindName(*kind);
    return QString();
}

QString stateText(BackupEntry::State state)
{
    switch (state) {
    case BackupEntry::State::Complete: return Tr::tr("complete");
    case BackupEntry::State::InProgress: return Tr::tr("in progress");
    case BackupEntry::State::Debris: return Tr::tr("incomplete, not restorable");
    case BackupEntry::State::Damaged: return Tr::tr("damaged, not restorable");
    }
    return QString();
}

QString databasesText(const QStringList &databases)
{
    if (databases.size() <= MaxDatabasesShown)
        return databases.join(QStringLiteral(", "));
    return Tr::tr("%1 and %n more", nullptr, int(databases.size() - MaxDatabasesShown))
            .arg(databases.first(MaxDatabasesShown).join(QStringLiteral(", ")));
}

QJsonObject entryJson(const BackupEntry &entry)
{
    QJsonObject json{
            {QStringLiteral("id"), entry.id},
            {QStringLiteral("systemIdentifier"), Repository::systemIdText(entry.systemId)},
            {QStringLiteral("kind"), kindOf(entry)},
            {QStringLiteral("state"), BackupEntry::stateName(entry.state)},
            {QStringLiteral("restorable"), entry.isRestorable()},
            {QStringLiteral("path"), entry.path},
            {QStringLiteral("startedAt"), isoUtc(startOf(entry))},
    };
    if (entry.problem) {
        json.insert(QStringLiteral("problem"),
                    QJsonObject{{QStringLiteral("code"), Error::codeName(entry.problem->code())},
                                {QStringLiteral("message"), entry.problem->message()},
                                {QStringLiteral("detail"), entry.problem->detail()}});
    }
    if (!entry.manifest)
        return json;
    const BackupManifest &m = *entry.manifest;
    json.insert(QStringLiteral("status"), m.status);
    json.insert(QStringLiteral("databases"), QJsonArray::fromStringList(m.databases));
    json.insert(QStringLiteral("serverVersion"), m.serverVersion);
    json.insert(QStringLiteral("serverVersionNum"), m.serverVersionNum);
    json.insert(QStringLiteral("toolVersion"), m.toolVersion);
    json.insert(QStringLiteral("pgvaultVersion"), m.pgvaultVersion);
    json.insert(QStringLiteral("finishedAt"), isoUtc(m.finishedAt));
    json.insert(QStringLiteral("durationSeconds"),
                m.startedAt.isValid() && m.finishedAt.isValid()
                        ? double(m.startedAt.msecsTo(m.finishedAt)) / 1000.0
                        : 0.0);
    json.insert(QStringLiteral("rawSize"), m.rawSize());
    json.insert(QStringLiteral("storedSize"), m.storedSize());
    json.insert(QStringLiteral("fileCount"), m.files.size());
    json.insert(QStringLiteral("options"), m.options);
    json.insert(QStringLiteral("details"), m.details);
    return json;
}

} // namespace

Result<Repository> openExistingRepository(CommandContext &context)
{
    const QString path = context.services().repositoryPath();
    Result<Repository> repository = Repository::open(path);
    if (!repository && repository.error().code() == ErrorCode::NotFound)
        return Error(ErrorCode::NotFound,
                     Tr::tr("%1. Give the repository with --repo DIR (or PGVAULT_REPO).")
                             .arg(repository.error().message()),
                     repository.error().detail());
    return repository;
}

QString ListCommand::name() const
{
    return QStringLiteral("list");
}

QString ListCommand::summary() const
{
    return Tr::tr("List the backups in the repository.");
}

QString ListCommand::description() const
{
    return Tr::tr("Lists every backup of every server in the repository, oldest first: id, "
                  "kind, databases, server version, start (local time), duration, size before "
                  "and after compression, and state. Folders that are being written, were left "
                  "by an interrupted backup, or whose manifest is damaged are listed with that "
                  "state; they cannot be restored. Run “verify” to check the stored data.");
}

CommandStatus ListCommand::run(CommandContext &context)
{
    Result<Repository> repository = openExistingRepository(context);
    if (!repository)
        return context.fail(repository.error());
    Result<QList<BackupEntry>> entries = BackupCatalog::scan(*repository);
    if (!entries)
        return context.fail(entries.error());

    QSet<quint64> servers;
    for (const BackupEntry &entry : std::as_const(*entries))
        servers.insert(entry.systemId);
    // The server column only earns its width when there is more than one server.
    const bool showServer = servers.size() > 1;

    QStringList headers;
    if (showServer)
        headers << Tr::tr("SERVER");
    headers << Tr::tr("ID") << Tr::tr("KIND") << Tr::tr("DATABASES") << Tr::tr("VERSION")
            << Tr::tr("STARTED") << Tr::tr("DURATION") << Tr::tr("RAW") << Tr::tr("STORED")
            << Tr::tr("STATE");
    TextTable table(headers);
    QStringList notes;
    QJsonArray list;
    const QString none = QStringLiteral("-");
    for (const BackupEntry &entry : std::as_const(*entries)) {
        list.append(entryJson(entry));
        const QDateTime start = startOf(entry);
        QStringList row;
        if (showServer)
            row << Repository::systemIdText(entry.systemId);
        row << entry.id << (kindOf(entry).isEmpty() ? none : kindOf(entry));
        if (const std::optional<BackupManifest> &m = entry.manifest) {
            const qint64 seconds = m->startedAt.secsTo(m->finishedAt);
            row << (m->databases.isEmpty() ? none : databasesText(m->databases))
                << (m->serverVersion.isEmpty() ? none : m->serverVersion)
                << QLocale().toString(start.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                << formatDuration(seconds) << formatBytes(m->rawSize())
                << formatBytes(m->storedSize());
        } else {
            row << none << none
                << (start.isValid() ? QLocale().toString(start.toLocalTime(),
                                                         QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                    : none)
                << none << none << none;
        }
        row << stateText(entry.state);
        table.addRow(row);
        if (entry.problem)
            notes << Tr::tr("%1: %2").arg(entry.id, entry.problem->message());
    }

    if (entries->isEmpty()) {
        context.output().print(Tr::tr("There are no backups in %1.").arg(repository->path()));
    } else {
        const QStringList lines = table.lines();
        for (const QString &line : lines)
            context.output().print(line);
        for (const QString &note : std::as_const(notes))
            context.output().print(note);
    }
    return context.succeed({{QStringLiteral("repository"), repository->path()},
                            {QStringLiteral("backups"), list}});
}

} // namespace PgVault::Cli
