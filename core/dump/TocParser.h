#pragma once

#include "TocEntry.h"
#include "common/Result.h"

#include <QByteArrayView>
#include <QStringList>

namespace PgVault {

// Parses `pg_restore --list --verbose` output (the "depends on" lines need --verbose; without
// them the entries simply have no dependencies).
//
// The line format, "<id>; <tableoid> <oid> <type> <schema> <name> <owner>", separates its
// fields with single spaces although types ("TABLE DATA"), schemas, names and owners may
// contain spaces themselves. The type is matched against pg_dump's known entry types (longest
// first); schema and owner are resolved with the names we know: `hints` (the dump stores the
// database's schema and role names) plus the names of the archive's own SCHEMA entries and
// "public"; an owner is otherwise the last word. Names are UTF-8; newlines inside names were
// already turned into spaces by pg_restore. Pure function: no process, no server.
class TocParser
{
public:
    struct Hints
    {
        QStringList schemas;
        QStringList roles;
    };

    // Corrupt when the text holds no entry lines or a line that cannot be read.
    static Result<TocArchive> parse(QByteArrayView listOutput, const Hints &hints = {});
    static Result<TocArchive> parseText(const QString &listOutput, const Hints &hints = {});

    // pg_dump's entry types, longest first (exposed for tests).
    static const QStringList &knownTypes();
};

} // namespace PgVault
