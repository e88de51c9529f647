#include "VerifyJob.h"

#include "BackupId.h"
#include "common/Tr.h"
#include "repo/Checksum.h"
#include "repo/FileSystem.h"
#include "repo/InputFile.h"
#include "repo/ZstdReader.h"

#include <QJsonArray>

#include <cerrno>
#include <limits>
#include <sys/stat.h>

namespace PgVault {

namespace {

constexpr qint64 ChunkSize = 256 * 1024;

struct Problem
{
    QString file;
    QString message;
};

// Verifies one stored file. Problems go into `problems`; the returned error only stops the
// whole job (cancel).
class FileVerifier
{
public:
    FileVerifier(const BackupEntry &entry, const StoredFile &file, QString repositoryRoot,
                 JobContext &context, qint64 bytesBefore)
        : m_file(file)
        , m_path(entry.path + QLatin1Char('/') + file.name)
        , m_relative(entry.relativePath + QLatin1Char('/') + file.name)
        , m_root(std::move(repositoryRoot))
        , m_context(context)
        , m_bytesBefore(bytesBefore)
        , m_hashInput(m_path)
        , m_buffer(ChunkSize, Qt::Uninitialized)
    {}

    Status run(QList<Problem> &problems)
    {
        struct stat st;
        if (::stat(FileSystem::encode(m_path).constData(), &st) != 0) {
            if (errno == ENOENT)
                add(problems, Tr::tr("%1 is missing").arg(m_relative));
            else
                add(problems, FileSystem::errnoError(errno, m_path, "stat").message());
            return {};
        }
        if (!S_ISREG(st.st_mode)) {
            add(problems, Tr::tr("%1 is not a regular file").arg(m_relative));
            return {};
        }
        const bool sizeMatches = qint64(st.st_size) == m_file.storedSize;
        if (!sizeMatches)
            add(problems, Tr::tr("%1 has %2 bytes, but the manifest says %3 (truncated or "
                                 "overwritten)")
                                  .arg(m_relative)
                                  .arg(qint64(st.st_size))
                                  .arg(m_file.storedSize));

        if (Status s = m_hashInput.open(); !s) {
            add(problems, s.error().message());
            return {};
        }
        ZstdReader reader(m_path);
        std::optional<Error> decodeError;
        qint64 raw = 0;
        if (Status s = reader.open(); !s)
            decodeError = s.error();
        // The decoder and the hash read the same file side by side (the second read comes from
        // the page cache): one pass over the data gives both answers and a single byte count.
        while (!decodeError) {
            if (m_context.isCancelled())
                return JobContext::cancelledError();
            Result<qint64> n = reader.read(m_buffer.data(), m_buffer.size());
            if (!n) {
                decodeError = n.error();
                break;
            }
            if (*n == 0)
                break;
            raw += *n;
            if (Status s = hashUpTo(reader.compressedOffset(), problems); !s)
                return s;
        }
        if (Status s = hashUpTo(std::numeric_limits<qint64>::max(), problems); !s)
            return s;
        if (m_hashFailed)
            return {};

        // A size difference already explains a checksum difference; say it once.
        if (sizeMatches && m_checksum.result() != m_file.checksum)
            add(problems, Tr::tr("%1 does not match its checksum: it was changed or damaged "
                                 "after it was written")
                                  .arg(m_relative));
        if (decodeError)
            add(problems, decodeError->message());
        else if (raw != m_file.rawSize)
            add(problems, Tr::tr("%1 decompresses to %2 bytes, but the manifest says %3")
                                  .arg(m_relative)
                                  .arg(raw)
                                  .arg(m_file.rawSize));
        return {};
    }

private:
    Status hashUpTo(qint64 limit, QList<Problem> &problems)
    {
        while (!m_hashFailed && !m_hashEnded && m_hashed < limit) {
            if (m_context.isCancelled())
                return JobContext::cancelledError();
            Result<qint64> n = m_hashInput.read(
                    m_hashBuffer.data(), qMin<qint64>(m_hashBuffer.size(), limit - m_hashed));
            if (!n) {
                m_hashFailed = true;
                add(problems, n.error().message());
                break;
            }
            if (*n == 0) {
                m_hashEnded = true;
                break;
            }
            m_checksum.add(QByteArrayView(m_hashBuffer.constData(), qsizetype(*n)));
            m_hashed += *n;
            m_context.setBytesDone(m_bytesBefore + qMin(m_hashed, m_file.storedSize));
        }
        return {};
    }

    // Messages of lower layers name absolute paths; relative ones read the same for everyone
    // holding a copy of the repository.
    void add(QList<Problem> &problems, QString message) const
    {
        message.replace(m_root + QLatin1Char('/'), QString());
        problems.append({m_relative, message});
    }

    const StoredFile &m_file;
    QString m_path;
    QString m_relative;
    QString m_root;
    JobContext &m_context;
    qint64 m_bytesBefore;
    InputFile m_hashInput;
    QByteArray m_buffer;
    QByteArray m_hashBuffer = QByteArray(ChunkSize, Qt::Uninitialized);
    Checksum m_checksum;
    qint64 m_hashed = 0;
    bool m_hashEnded = false;
    bool m_hashFailed = false;
};

QString kindOf(const BackupEntry &entry)
{
    if (entry.manifest)
        return BackupManifest::kindName(entry.manifest->kind);
    if (const std::optional<BackupKind> kind = BackupId::kind(entry.id))
        return BackupManifest::kindName(*kind);
    return QString();
}

QJsonArray problemsJson(const QList<Problem> &problems)
{
    QJsonArray array;
    for (const Problem &p : problems)
        array.append(QJsonObject{{QStringLiteral("file"), p.file},
                                 {QStringLiteral("message"), p.message}});
    return array;
}

} // namespace

VerifyJob::VerifyJob(Repository repository, QString backupId, QObject *parent)
    : ThreadedJob(QStringLiteral("verify"),
                  backupId.isEmpty() ? tr("Verify all backups")
                                     : tr("Verify backup %1").arg(backupId),
                  parent)
    , m_repository(std::move(repository))
    , m_backupId(std::move(backupId))
{}

VerifyJob::~VerifyJob() = default;

void VerifyJob::setKindCheck(BackupKind kind, KindCheck check)
{
    Q_ASSERT(state() == State::Pending);
    m_kindChecks[kind] = std::move(check);
}

Result<QJsonObject> VerifyJob::work(JobContext &context)
{
    context.setPhase(QStringLiteral("scanning"), tr("Reading the list of backups"));
    QList<BackupEntry> entries;
    if (m_backupId.isEmpty()) {
        Result<QList<BackupEntry>> all = BackupCatalog::scan(m_repository);
        if (!all)
            return all.error();
        entries = std::move(all).value();
    } else {
        Result<BackupEntry> one = BackupCatalog::find(m_repository, m_backupId);
        if (!one)
            return one.error();
        if (one->state == BackupEntry::State::InProgress)
            return Error(ErrorCode::Locked,
                         tr("backup %1 is still being written; verify it once it is complete")
                                 .arg(m_backupId));
        entries.append(std::move(one).value());
    }

    qint64 bytesTotal = 0;
    qint64 filesTotal = 0;
    for (const BackupEntry &entry : std::as_const(entries)) {
        if (entry.manifest) {
            bytesTotal += entry.manifest->storedSize();
            filesTotal += entry.manifest->files.size();
        }
    }
    context.setBytesTotal(bytesTotal);
    context.setItemsTotal(filesTotal);

    const QString root = m_repository.path();
    QJsonArray backupsJson;
    QList<Problem> allProblems;
    qint64 bytesDone = 0;
    int verified = 0;
    for (const BackupEntry &entry : std::as_const(entries)) {
        QList<Problem> problems;
        bool skipped = false;
        switch (entry.state) {
        case BackupEntry::State::InProgress:
            skipped = true;
            context.info(tr("Skipped %1: it is being written right now.").arg(entry.id));
            break;
        case BackupEntry::State::Debris:
            if (BackupCatalog::isDeletionLeftover(entry.id)) {
                problems.append({entry.relativePath,
                                 tr("%1 is what is left of a backup whose deletion was "
                                    "interrupted; it cannot be restored and may be deleted")
                                         .arg(entry.relativePath)});
                break;
            }
            problems.append(
                    {entry.relativePath,
                     tr("%1 is an incomplete backup without %2, left behind by an "
                        "interrupted backup; it cannot be restored and may be deleted")
                             .arg(entry.relativePath, QLatin1String(BackupManifest::FileName))});
            break;
        case BackupEntry::State::Damaged: {
            QString message = entry.problem ? entry.problem->message() : QString();
            message.replace(root + QLatin1Char('/'), QString());
            problems.append({entry.relativePath + QLatin1Char('/')
                                     + QLatin1String(BackupManifest::FileName),
                             message});
            break;
        }
        case BackupEntry::State::Complete: {
            context.setPhase(QStringLiteral("verifying"), tr("Verifying %1").arg(entry.id));
            for (const StoredFile &file : entry.manifest->files) {
                context.setCurrentItem(entry.id + QLatin1Char('/') + file.name);
                FileVerifier verifier(entry, file, root, context, bytesDone);
                if (Status s = verifier.run(problems); !s)
                    return s.error();
                bytesDone += file.storedSize;
                context.setBytesDone(bytesDone);
                context.addItemsDone();
            }
            const auto check = m_kindChecks.find(entry.manifest->kind);
            if (problems.isEmpty() && check != m_kindChecks.end() && check->second) {
                context.setPhase(QStringLiteral("checking"),
                                 tr("Checking the contents of %1").arg(entry.id));
                Status s = check->second(entry, context);
                if (context.isCancelled() || (!s && s.error().code() == ErrorCode::Cancelled))
                    return JobContext::cancelledError();
                if (!s) {
                    QString message = s.error().message();
                    message.replace(root + QLatin1Char('/'), QString());
                    problems.append({entry.relativePath, message});
                }
            }
            ++verified;
            break;
        }
        }
        for (const Problem &p : std::as_const(problems))
            context.warning(p.message);
        backupsJson.append(QJsonObject{
                {QStringLiteral("id"), entry.id},
                {QStringLiteral("systemIdentifier"), Repository::systemIdText(entry.systemId)},
                {QStringLiteral("kind"), kindOf(entry)},
                {QStringLiteral("state"), BackupEntry::stateName(entry.state)},
                {QStringLiteral("ok"), problems.isEmpty()},
                {QStringLiteral("skipped"), skipped},
                {QStringLiteral("problems"), problemsJson(problems)},
        });
        allProblems.append(problems);
    }

    m_report = QJsonObject{
            {QStringLiteral("repository"), root},
            {QStringLiteral("verified"), verified},
            {QStringLiteral("bytes"), bytesDone},
            {QStringLiteral("problemCount"), allProblems.size()},
            {QStringLiteral("backups"), backupsJson},
    };
    if (allProblems.isEmpty())
        return m_report;

    QStringList lines;
    for (const Problem &p : std::as_const(allProblems))
        lines.append(p.message);
    return Error(ErrorCode::Corrupt,
                 tr("Verification found damage in %1: %2 (%n problem(s) in total)", nullptr,
                    int(allProblems.size()))
                         .arg(allProblems.first().file, allProblems.first().message),
                 lines.join(QLatin1Char('\n')));
}

} // namespace PgVault
