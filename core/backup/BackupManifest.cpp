#include "BackupManifest.h"

#include "BackupId.h"
#include "common/Tr.h"
#include "repo/AtomicFile.h"
#include "repo/Checksum.h"
#include "repo/JsonFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <cmath>

namespace PgVault {

namespace {

// A manifest lists every file of a backup; a base backup of a large cluster may list many.
constexpr qint64 MaxManifestSize = 64 * 1024 * 1024;
// Sizes are JSON numbers (doubles): exact up to 2^53, far beyond any file.
constexpr double MaxExactInteger = 9007199254740992.0;

QString isoUtc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// Reads fields of one JSON object and remembers the first problem, so fromJson() can read
// every field in a row and report once. Messages name the file and the field.
class FieldReader
{
public:
    FieldReader(const QJsonObject &json, QString source, QString where = {})
        : m_json(json)
        , m_source(std::move(source))
        , m_where(std::move(where))
    {}

    bool ok() const { return !m_error.has_value(); }
    const Error &error() const { return *m_error; }

    QString string(const QString &key, bool required = true)
    {
        const QJsonValue v = m_json.value(key);
        if (v.isUndefined() && !required)
            return {};
        if (!v.isString()) {
            fail(key, v);
            return {};
        }
        return v.toString();
    }

    qint64 integer(const QString &key, bool required = true, qint64 minimum = 0)
    {
        const QJsonValue v = m_json.value(key);
        if (v.isUndefined() && !required)
            return 0;
        const double d = v.toDouble(-1.0);
        if (!v.isDouble() || d != std::floor(d) || d < double(minimum) || d > MaxExactInteger) {
            fail(key, v);
            return 0;
        }
        return qint64(d);
    }

    QDateTime time(const QString &key)
    {
        const QJsonValue v = m_json.value(key);
        const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
        if (!v.isString() || !t.isValid()) {
            fail(key, v);
            return {};
        }
        return t.toUTC();
    }

    QJsonObject object(const QString &key)
    {
        const QJsonValue v = m_json.value(key);
        if (v.isUndefined())
            return {};
        if (!v.isObject())
            fail(key, v);
        return v.toObject();
    }

    QJsonArray array(const QString &key, bool required)
    {
        const QJsonValue v = m_json.value(key);
        if (v.isUndefined() && !required)
            return {};
        if (!v.isArray())
            fail(key, v);
        return v.toArray();
    }

    void fail(const QString &key, const QJsonValue &value)
    {
        if (m_error)
            return;
        const QString field = m_where.isEmpty() ? key : m_where + QLatin1Char('.') + key;
        const QString message
                = value.isUndefined()
                          ? Tr::tr("%1 is damaged: the field “%2” is missing").arg(m_source, field)
                          : Tr::tr("%1 is damaged: the field “%2” has an invalid value")
                                    .arg(m_source, field);
        m_error = Error(ErrorCode::Corrupt, message,
                        QStringLiteral("%1: %2 = %3")
                                .arg(m_source, field,
                                     QString::fromUtf8(QJsonDocument(QJsonArray{value})
                                                               .toJson(QJsonDocument::Compact))));
    }

    void failWith(Error error)
    {
        if (!m_error)
            m_error = std::move(error);
    }

private:
    const QJsonObject &m_json;
    QString m_source;
    QString m_where;
    std::optional<Error> m_error;
};

} // namespace

qint64 BackupManifest::rawSize() const
{
    qint64 total = 0;
    for (const StoredFile &f : files)
        total += f.rawSize;
    return total;
}

qint64 BackupManifest::storedSize() const
{
    qint64 total = 0;
    for (const StoredFile &f : files)
        total += f.storedSize;
    return total;
}

const StoredFile *BackupManifest::file(const QString &name) const
{
    for (const StoredFile &f : files) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

QString BackupManifest::kindName(BackupKind kind)
{
    switch (kind) {
    case BackupKind::Dump: return QStringLiteral("dump");
    case BackupKind::Base: return QStringLiteral("base");
    }
    return QString();
}

std::optional<BackupKind> BackupManifest::kindFromName(const QString &name)
{
    if (name == QLatin1String("dump"))
        return BackupKind::Dump;
    if (name == QLatin1String("base"))
        return BackupKind::Base;
    return std::nullopt;
}

bool BackupManifest::isValidFileName(QStringView name)
{
    if (name.isEmpty() || name.startsWith(QLatin1Char('/')) || name.contains(QChar(0))
        || name.contains(QLatin1Char('\\')))
        return false;
    if (name == QLatin1String(FileName))
        return false;
    for (QStringView part : name.split(QLatin1Char('/'))) {
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String("..")
            || AtomicFile::isTempName(part))
            return false;
    }
    return true;
}

QJsonObject BackupManifest::toJson() const
{
    QJsonArray fileArray;
    for (const StoredFile &f : files) {
        fileArray.append(QJsonObject{
                {QStringLiteral("name"), f.name},
                {QStringLiteral("storedSize"), f.storedSize},
                {QStringLiteral("rawSize"), f.rawSize},
                {QStringLiteral("checksum"), f.checksum},
        });
    }
    return QJsonObject{
            {QStringLiteral("formatVersion"), FormatVersion},
            {QStringLiteral("id"), id},
            {QStringLiteral("kind"), kindName(kind)},
            {QStringLiteral("status"), status},
            {QStringLiteral("systemIdentifier"), QString::number(systemId)},
            {QStringLiteral("serverVersion"), serverVersion},
            {QStringLiteral("serverVersionNum"), serverVersionNum},
            {QStringLiteral("toolVersion"), toolVersion},
            {QStringLiteral("pgvaultVersion"), pgvaultVersion},
            {QStringLiteral("startedAt"), isoUtc(startedAt)},
            {QStringLiteral("finishedAt"), isoUtc(finishedAt)},
            {QStringLiteral("databases"), QJsonArray::fromStringList(databases)},
            {QStringLiteral("options"), options},
            {QStringLiteral("details"), details},
            {QStringLiteral("files"), fileArray},
    };
}

Result<BackupManifest> BackupManifest::fromJson(const QJsonObject &json, const QString &source)
{
    FieldReader read(json, source);
    const qint64 version = read.integer(QStringLiteral("formatVersion"), true, 1);
    if (!read.ok())
        return read.error();
    // Checked before anything else: a newer format may have changed what the fields mean.
    if (version > FormatVersion)
        return Error(ErrorCode::Unsupported,
                     Tr::tr("%1 uses manifest format version %2, but this PgVault only "
                            "understands version %3; update PgVault to read this backup")
                             .arg(source)
                             .arg(version)
                             .arg(FormatVersion));

    BackupManifest m;
    m.id = read.string(QStringLiteral("id"));
    if (read.ok() && !BackupId::isValid(m.id))
        read.fail(QStringLiteral("id"), json.value(QStringLiteral("id")));
    const QString kind = read.string(QStringLiteral("kind"));
    if (read.ok()) {
        if (const std::optional<BackupKind> k = kindFromName(kind))
            m.kind = *k;
        else
            read.fail(QStringLiteral("kind"), json.value(QStringLiteral("kind")));
    }
    m.status = read.string(QStringLiteral("status"));
    const QString systemId = read.string(QStringLiteral("systemIdentifier"));
    if (read.ok()) {
        bool ok = false;
        m.systemId = systemId.toULongLong(&ok);
        if (!ok || m.systemId == 0 || QString::number(m.systemId) != systemId)
            read.fail(QStringLiteral("systemIdentifier"),
                      json.value(QStringLiteral("systemIdentifier")));
    }
    m.serverVersion = read.string(QStringLiteral("serverVersion"), false);
    m.serverVersionNum = int(read.integer(QStringLiteral("serverVersionNum"), false));
    m.toolVersion = read.string(QStringLiteral("toolVersion"), false);
    m.pgvaultVersion = read.string(QStringLiteral("pgvaultVersion"), false);
    m.startedAt = read.time(QStringLiteral("startedAt"));
    m.finishedAt = read.time(QStringLiteral("finishedAt"));
    const QJsonArray databases = read.array(QStringLiteral("databases"), false);
    for (const QJsonValue &db : databases) {
        if (!db.isString())
            read.fail(QStringLiteral("databases"), json.value(QStringLiteral("databases")));
        m.databases.append(db.toString());
    }
    m.options = read.object(QStringLiteral("options"));
    m.details = read.object(QStringLiteral("details"));

    const QJsonArray fileArray = read.array(QStringLiteral("files"), true);
    QSet<QString> seen;
    for (qsizetype i = 0; i < fileArray.size() && read.ok(); ++i) {
        const QString where = QStringLiteral("files[%1]").arg(i);
        if (!fileArray.at(i).isObject()) {
            read.fail(where, fileArray.at(i));
            break;
        }
        const QJsonObject fileJson = fileArray.at(i).toObject();
        FieldReader fileRead(fileJson, source, where);
        StoredFile f;
        f.name = fileRead.string(QStringLiteral("name"));
        if (fileRead.ok() && !isValidFileName(f.name))
            fileRead.fail(QStringLiteral("name"), fileJson.value(QStringLiteral("name")));
        f.storedSize = fileRead.integer(QStringLiteral("storedSize"));
        f.rawSize = fileRead.integer(QStringLiteral("rawSize"));
        f.checksum = fileRead.string(QStringLiteral("checksum"));
        if (fileRead.ok() && !Checksum::isWellFormed(f.checksum))
            fileRead.fail(QStringLiteral("checksum"), fileJson.value(QStringLiteral("checksum")));
        if (!fileRead.ok()) {
            read.failWith(fileRead.error());
            break;
        }
        if (seen.contains(f.name)) {
            read.failWith(Error(
                    ErrorCode::Corrupt,
                    Tr::tr("%1 is damaged: the file “%2” is listed twice").arg(source, f.name)));
            break;
        }
        seen.insert(f.name);
        m.files.append(f);
    }
    if (!read.ok())
        return read.error();
    return m;
}

// A larger limit than server.json's: a directory-format dump of a database with thousands of
// tables lists thousands of files.
Result<BackupManifest> BackupManifest::load(const QString &backupDir)
{
    const QString path = backupDir + QLatin1Char('/') + QLatin1String(FileName);
    Result<QJsonObject> json = JsonFile::readObject(path, MaxManifestSize);
    if (!json)
        return json.error();
    return fromJson(*json, path);
}

Status BackupManifest::save(const QString &backupDir) const
{
    // CreateNew: a backup's manifest is written once; finding one already there means two
    // writers share a folder, which must fail instead of silently replacing the first's facts.
    // AtomicFile::commit() fsyncs the file and then the backup folder.
    return JsonFile::write(backupDir + QLatin1Char('/') + QLatin1String(FileName), toJson(),
                           AtomicFile::Mode::CreateNew);
}

} // namespace PgVault
