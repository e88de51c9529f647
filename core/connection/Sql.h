#pragma once

#include <QString>

namespace PgVault {

// SQL quoting that needs no connection, for statements we show or build ourselves (fix hints,
// ALTER SYSTEM). Assumes a UTF-8 client encoding and standard_conforming_strings=on (the
// default since PostgreSQL 9.1). With an open connection prefer PgConnection::escape*().
class Sql
{
public:
    // Always double-quoted, embedded quotes doubled: bob -> "bob", a"b -> "a""b".
    static QString quoteIdentifier(const QString &identifier);
    // 'text' with quotes doubled; like PQescapeLiteral, text with a backslash becomes E'...'
    // with doubled backslashes so it reads the same whatever standard_conforming_strings says.
    static QString quoteLiteral(const QString &literal);
};

} // namespace PgVault
