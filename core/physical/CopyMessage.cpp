#include "CopyMessage.h"

#include "common/Tr.h"

#include <optional>

namespace PgVault {

namespace {

Error malformed(char type, qsizetype size)
{
    return Error(ErrorCode::Corrupt,
                 Tr::tr("The server sent a base-backup message PgVault does not understand."),
                 QStringLiteral("CopyData type 0x%1, %2 bytes")
                         .arg(int(static_cast<unsigned char>(type)), 2, 16, QLatin1Char('0'))
                         .arg(size));
}

// A NUL-terminated string at `cursor`; advances past the NUL.
std::optional<QString> takeString(QByteArrayView message, qsizetype &cursor)
{
    const qsizetype end = message.indexOf('\0', cursor);
    if (end < 0)
        return std::nullopt;
    QString text = QString::fromUtf8(message.sliced(cursor, end - cursor));
    cursor = end + 1;
    return text;
}

} // namespace

Result<CopyMessage> CopyMessage::decode(QByteArrayView message)
{
    if (message.isEmpty())
        return malformed('\0', 0);
    const char type = message.at(0);
    CopyMessage out;
    switch (type) {
    case 'd':
        out.type = Type::Data;
        out.data = message.sliced(1);
        return out;
    case 'n': {
        out.type = Type::NewArchive;
        qsizetype cursor = 1;
        std::optional<QString> name = takeString(message, cursor);
        std::optional<QString> location = name ? takeString(message, cursor) : std::nullopt;
        if (!name || !location || cursor != message.size())
            return malformed(type, message.size());
        out.archiveName = *name;
        out.tablespaceLocation = *location;
        return out;
    }
    case 'p': {
        if (message.size() != 9)
            return malformed(type, message.size());
        quint64 value = 0;
        for (qsizetype i = 1; i < 9; ++i)
            value = (value << 8) | static_cast<unsigned char>(message.at(i));
        out.type = Type::Progress;
        out.progressBytes = value;
        return out;
    }
    case 'm':
        if (message.size() != 1)
            return malformed(type, message.size());
        out.type = Type::Manifest;
        return out;
    default: return malformed(type, message.size());
    }
}

} // namespace PgVault
