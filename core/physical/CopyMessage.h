#pragma once

#include "common/Result.h"

#include <QByteArrayView>
#include <QString>

namespace PgVault {

// One CopyData message of the base-backup stream of PostgreSQL 15 and later: a single COPY OUT
// carries every archive and the manifest, each message starting with a type byte
// (PostgreSQL's src/backend/backup/basebackup_copy.c):
//   'n' new archive: archive name, tablespace location (both NUL-terminated; "" = data dir)
//   'd' data of the current archive or, after 'm', of the manifest
//   'p' progress: bytes the server has sent so far (uint64, network byte order)
//   'm' the manifest follows (no payload)
struct CopyMessage
{
    enum class Type { NewArchive, Data, Progress, Manifest };

    Type type = Type::Data;
    QString archiveName;        // NewArchive
    QString tablespaceLocation; // NewArchive; empty for the data directory
    QByteArrayView data;        // Data: points into the decoded buffer
    quint64 progressBytes = 0;  // Progress

    // Corrupt for an unknown type byte or a malformed message (the server speaks a protocol we
    // do not know, or the stream is damaged).
    static Result<CopyMessage> decode(QByteArrayView message);
};

} // namespace PgVault
