#include "BaseBackupVerification.h"

#include "BaseBackupDetails.h"
#include "TarMemberCounter.h"
#include "backup/BackupManifest.h"
#include "common/Tr.h"
#include "jobs/JobContext.h"
#include "repo/Repository.h"
#include "repo/ZstdReader.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace PgVault::BaseBackupVerification {

namespace {

constexpr qint64 ChunkSize = 1024 * 1024;
// The message names this many problems; the detail has them all.
constexpr qsizetype ProblemsInMessage = 5;

const QString Sha256 = QStringLiteral("SHA256");
const QString NoChecksum = QStringLiteral("NONE");

// What backup_manifest says about one file.
struct ManifestFile
{
    qint64 size = 0;
    QString algorithm; // "SHA256", "NONE", or one we cannot compute
    QString checksum;  // lower-case hex; empty for NONE
    bool seen = false;
};

// pg_verifybackup's default ignore list (src/bin/pg_verifybackup/pg_verifybackup.c): files a
// backup may hold that its manifest does not describe, or that restores legitimately change.
// The server's own tars normally hold none of them as regular files, but a backup with them is
// not damaged either.
bool isIgnored(const QString &path)
{
    static const QStringList ignored{QStringLiteral("backup_manifest"), QStringLiteral("pg_wal"),
                                     QStringLiteral("postgresql.auto.conf"),
                                     QStringLiteral("recovery.signal"),
                                     QStringLiteral("standby.signal")};
    for (const QString &name : ignored) {
        if (path == name || (path.startsWith(name) && path.at(name.size()) == QLatin1Char('/')))
            return true;
    }
    return false;
}

QString tablespacePrefix(const BaseBackupArchive &archive)
{
    return archive.tablespaceOid == 0 ? QString()
                                      : QStringLiteral("pg_tblspc/%1/").arg(archive.tablespaceOid);
}

class Checker : public TarMemberCounter::FileVisitor
{
public:
    Checker(QHash<QString, ManifestFile> &files, QStringList &problems, QStringList &unsupported)
        : m_files(files)
        , m_problems(problems)
        , m_unsupported(unsupported)
    {}

    void setArchive(const QString &storedPath, const QString &prefix)
    {
        m_archive = storedPath;
        m_prefix = prefix;
    }

    Status beginFile(const QString &name, qint64 size) override
    {
        m_name = name;
        m_size = size;
        m_current = nullptr;
        const QString path = m_prefix + name;
        const auto found = m_files.find(path);
        if (found == m_files.end()) {
            if (!isIgnored(path)) {
                m_problems.append(
                        Tr::tr("%1 in %2 is not listed in backup_manifest").arg(name, m_archive));
            }
            return {};
        }
        if (found->seen) {
            m_problems.append(
                    Tr::tr("%1 in %2 is in the archives more than once").arg(name, m_archive));
            return {};
        }
        found->seen = true;
        m_current = &*found;
        m_hash.reset();
        return {};
    }

    void fileData(QByteArrayView data) override
    {
        if (m_current && m_current->algorithm == Sha256)
            m_hash.addData(data);
    }

    Status endFile() override
    {
        if (!m_current)
            return {};
        if (m_size != m_current->size) {
            m_problems.append(Tr::tr("%1 in %2 has %3 bytes, but backup_manifest says %4")
                                      .arg(m_name, m_archive)
                                      .arg(m_size)
                                      .arg(m_current->size));
        } else if (m_current->algorithm == Sha256) {
            if (QString::fromLatin1(m_hash.result().toHex()) != m_current->checksum) {
                m_problems.append(
                        Tr::tr("%1 in %2 does not match its SHA256 checksum in backup_manifest: "
                               "it was changed or damaged")
                                .arg(m_name, m_archive));
            }
        } else if (m_current->algorithm != NoChecksum) {
            m_unsupported.append(Tr::tr("%1 in %2 cannot be checked: backup_manifest uses the "
                                        "checksum algorithm %3, which is not supported")
                                         .arg(m_name, m_archive, m_current->algorithm));
        }
        m_current = nullptr;
        return {};
    }

private:
    QHash<QString, ManifestFile> &m_files;
    QStringList &m_problems;
    QStringList &m_unsupported;
    QString m_archive;
    QString m_prefix;
    QString m_name;
    qint64 m_size = 0;
    ManifestFile *m_current = nullptr;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
};

Error manifestError(const QString &path, const QString &why)
{
    return Error(ErrorCode::Corrupt,
                 Tr::tr("The stored file %1 (PostgreSQL's backup manifest) is damaged: %2.")
                         .arg(path, why));
}

// PostgreSQL's manifest ends with "Manifest-Checksum": the SHA-256 of every line before that
// last one (up to and including the newline before it), so a hand-edited or truncated manifest
// is caught before its entries are trusted.
Status checkManifestChecksum(const QByteArray &text, const QString &expected, const QString &path)
{
    qsizetype end = text.size() - 1;
    if (end >= 0 && text.at(end) == '\n')
        --end;
    const qsizetype lastLineStart = end < 0 ? -1 : text.lastIndexOf('\n', end);
    if (lastLineStart < 0)
        return manifestError(path, Tr::tr("its last line is not its checksum"));
    const QByteArray computed
            = QCryptographicHash::hash(QByteArrayView(text).first(lastLineStart + 1),
                                       QCryptographicHash::Sha256)
                      .toHex();
    if (QString::fromLatin1(computed) != expected.toLower())
        return manifestError(path, Tr::tr("it does not match its own Manifest-Checksum"));
    return {};
}

Result<QHash<QString, ManifestFile>> readManifest(const QString &path, quint64 systemId)
{
    Result<QByteArray> text = ZstdReader::readAll(path);
    if (!text)
        return text.error();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(*text, &parseError);
    if (!document.isObject()) {
        return Error(ErrorCode::Corrupt,
                     Tr::tr("The stored file %1 (PostgreSQL's backup manifest) is damaged: it "
                            "is not valid JSON.")
                             .arg(path),
                     parseError.errorString());
    }
    const QJsonObject root = document.object();
    const QJsonValue manifestChecksum = root.value(u"Manifest-Checksum");
    if (!manifestChecksum.isString())
        return manifestError(path, Tr::tr("it has no Manifest-Checksum"));
    if (Status s = checkManifestChecksum(*text, manifestChecksum.toString(), path); !s)
        return s.error();
    // Version 2 (PostgreSQL 17+) names the cluster; it must be the one our manifest names.
    const QJsonValue manifestSystemId = root.value(u"System-Identifier");
    if (!manifestSystemId.isUndefined() && systemId != 0
        && quint64(manifestSystemId.toInteger()) != systemId) {
        return manifestError(
                path, Tr::tr("it belongs to the server %1, not %2")
                              .arg(Repository::systemIdText(quint64(manifestSystemId.toInteger())),
                                   Repository::systemIdText(systemId)));
    }
    const QJsonValue filesValue = root.value(u"Files");
    if (!filesValue.isArray())
        return manifestError(path, Tr::tr("it has no \"Files\" list"));
    QHash<QString, ManifestFile> files;
    for (const QJsonValue &value : filesValue.toArray()) {
        const QJsonObject object = value.toObject();
        QString filePath = object.value(u"Path").toString();
        // Names that are not valid UTF-8 are stored hex-encoded; the tar walk decodes member
        // names as UTF-8 the same way.
        if (filePath.isEmpty() && object.value(u"Encoded-Path").isString()) {
            filePath = QString::fromUtf8(
                    QByteArray::fromHex(object.value(u"Encoded-Path").toString().toLatin1()));
        }
        const QJsonValue size = object.value(u"Size");
        if (filePath.isEmpty() || !size.isDouble() || size.toDouble() < 0)
            return manifestError(path, Tr::tr("a \"Files\" entry has no path or size"));
        ManifestFile file;
        file.size = size.toInteger();
        // PostgreSQL leaves both keys out when the backup was taken without checksums.
        file.algorithm = object.value(u"Checksum-Algorithm").toString(NoChecksum).toUpper();
        file.checksum = object.value(u"Checksum").toString().toLower();
        if (file.algorithm != NoChecksum && file.checksum.isEmpty()) {
            return manifestError(
                    path, Tr::tr("the entry of %1 has an algorithm but no checksum").arg(filePath));
        }
        if (files.contains(filePath))
            return manifestError(path, Tr::tr("it lists %1 twice").arg(filePath));
        files.insert(filePath, file);
    }
    return files;
}

// Streams one stored archive through the tar walk. A damaged archive (zstd or tar) becomes a
// problem; false then, so the caller does not also report its files as missing.
Result<bool> walkArchive(const QString &storedPath, Checker &checker, JobContext &context,
                         QStringList &problems)
{
    ZstdReader reader(storedPath);
    TarMemberCounter tar;
    tar.setFileVisitor(&checker);
    auto damaged = [&](const QString &why) {
        problems.append(Tr::tr("%1 is not a readable tar archive: %2").arg(storedPath, why));
        return false;
    };
    if (Status opened = reader.open(); !opened)
        return damaged(opened.error().message());
    QByteArray buffer(ChunkSize, Qt::Uninitialized);
    for (;;) {
        if (context.isCancelled())
            return JobContext::cancelledError();
        Result<qint64> got = reader.read(buffer.data(), buffer.size());
        if (!got)
            return damaged(got.error().message());
        if (*got == 0)
            break;
        if (Status fed = tar.feed(QByteArrayView(buffer.constData(), *got)); !fed)
            return damaged(fed.error().message() + QLatin1Char(' ') + fed.error().detail());
    }
    if (!tar.isTerminated() || !tar.atMemberBoundary())
        return damaged(Tr::tr("it ends before the tar end marker"));
    return true;
}

} // namespace

Status check(const BackupEntry &entry, JobContext &context)
{
    if (!entry.manifest)
        return {};
    const BackupManifest &manifest = *entry.manifest;
    Result<BaseBackupDetails> details = BaseBackupDetails::fromJson(
            manifest.details,
            entry.path + QLatin1Char('/') + QLatin1String(BackupManifest::FileName));
    if (!details)
        return details.error();

    context.setCurrentItem(details->backupManifestFile);
    Result<QHash<QString, ManifestFile>> files = readManifest(
            entry.path + QLatin1Char('/') + details->backupManifestFile, manifest.systemId);
    if (!files)
        return files.error();

    QStringList problems;
    QStringList unsupported;
    Checker checker(*files, problems, unsupported);
    QHash<QString, QString> archiveOfPrefix; // "pg_tblspc/<oid>/" → stored path
    QString baseArchive;
    QSet<QString> unreadable; // stored paths whose walk stopped early
    for (const BaseBackupArchive &archive : std::as_const(details->archives)) {
        const QString storedPath = entry.path + QLatin1Char('/') + archive.storedFile;
        const QString prefix = tablespacePrefix(archive);
        if (prefix.isEmpty())
            baseArchive = storedPath;
        else
            archiveOfPrefix.insert(prefix, storedPath);
        context.setCurrentItem(archive.storedFile);
        checker.setArchive(storedPath, prefix);
        Result<bool> walked = walkArchive(storedPath, checker, context, problems);
        if (!walked)
            return walked.error();
        if (!*walked)
            unreadable.insert(storedPath);
    }

    // What the manifest lists but no archive held, named by the archive that should hold it.
    QStringList missing;
    for (auto it = files->cbegin(); it != files->cend(); ++it) {
        if (it->seen)
            continue;
        QString archive = baseArchive;
        QString inside = it.key();
        for (auto prefix = archiveOfPrefix.cbegin(); prefix != archiveOfPrefix.cend(); ++prefix) {
            if (inside.startsWith(prefix.key())) {
                archive = prefix.value();
                inside = inside.mid(prefix.key().size());
                break;
            }
        }
        if (unreadable.contains(archive))
            continue;
        missing.append(Tr::tr("%1 in %2 is listed in backup_manifest but missing from the archive")
                               .arg(inside, archive));
    }
    // QHash order is random; sorted, the same damage always reads the same.
    missing.sort();
    problems.append(missing);

    if (problems.isEmpty() && unsupported.isEmpty())
        return {};
    const bool damaged = !problems.isEmpty();
    QStringList all = problems + unsupported;
    QStringList shown = all.mid(0, ProblemsInMessage);
    QString message = shown.join(QStringLiteral("; "));
    if (all.size() > shown.size()) {
        message += Tr::tr(" (and %n more)", nullptr, int(all.size() - shown.size()));
    }
    return Error(damaged ? ErrorCode::Corrupt : ErrorCode::Unsupported, message,
                 all.join(QLatin1Char('\n')));
}

VerifyJob::KindCheck kindCheck()
{
    return [](const BackupEntry &entry, JobContext &context) { return check(entry, context); };
}

} // namespace PgVault::BaseBackupVerification
