#include "BackupId.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace PgVault::BackupId {

namespace {

struct Parts
{
    QDateTime start;
    BackupKind kind;
    int sequence;
};

// "-1" is never written (the first backup has no suffix), so it is not accepted either: every
// backup has exactly one spelling.
std::optional<Parts> parse(QStringView id)
{
    static const QRegularExpression pattern(
            QStringLiteral("^(\\d{8}T\\d{6})Z-([a-z]+)(?:-([1-9]\\d{0,5}))?$"));
    const QRegularExpressionMatch match = pattern.match(id);
    if (!match.hasMatch())
        return std::nullopt;
    const std::optional<BackupKind> kind = BackupManifest::kindFromName(match.captured(2));
    if (!kind)
        return std::nullopt;
    int sequence = 1;
    if (match.hasCaptured(3)) {
        sequence = match.captured(3).toInt();
        if (sequence < 2)
            return std::nullopt;
    }
    // Date and time separately: parsed as one they would be local time, where a DST gap makes
    // some UTC ids invalid.
    const QString stamp = match.captured(1);
    const QDate date = QDate::fromString(stamp.left(8), QStringLiteral("yyyyMMdd"));
    const QTime time = QTime::fromString(stamp.mid(9), QStringLiteral("HHmmss"));
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return Parts{QDateTime(date, time, QTimeZone::utc()), *kind, sequence};
}

} // namespace

QString make(const QDateTime &startUtc, BackupKind kind, int sequence)
{
    QString id = startUtc.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z-'"))
                 + BackupManifest::kindName(kind);
    if (sequence > 1)
        id += QLatin1Char('-') + QString::number(sequence);
    return id;
}

bool isValid(QStringView id)
{
    return parse(id).has_value();
}

std::optional<QDateTime> startTime(QStringView id)
{
    if (const std::optional<Parts> p = parse(id))
        return p->start;
    return std::nullopt;
}

std::optional<BackupKind> kind(QStringView id)
{
    if (const std::optional<Parts> p = parse(id))
        return p->kind;
    return std::nullopt;
}

std::optional<int> sequence(QStringView id)
{
    if (const std::optional<Parts> p = parse(id))
        return p->sequence;
    return std::nullopt;
}

int compare(QStringView a, QStringView b)
{
    const std::optional<Parts> pa = parse(a);
    const std::optional<Parts> pb = parse(b);
    if (pa && pb) {
        if (pa->start != pb->start)
            return pa->start < pb->start ? -1 : 1;
        if (pa->sequence != pb->sequence)
            return pa->sequence < pb->sequence ? -1 : 1;
    } else if (pa || pb) {
        return pa ? -1 : 1;
    }
    return a.compare(b);
}

} // namespace PgVault::BackupId
