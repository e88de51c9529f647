#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

namespace PgVault {

// The version a PostgreSQL program reports with --version, e.g.
// "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)" or "initdb (PostgreSQL) 18beta1".
struct ToolVersion
{
    int major = 0; // 15; for 9.6 and older the first number (9)
    int minor = 0; // 20; 0 for development versions ("18devel", "18beta1")
    QString text;  // the whole first line, trimmed

    // The same numbering as server_version_num: 150020; 90624 for 9.6.24.
    int versionNum() const;

    // Finds "(PostgreSQL) <version>" in the first line of the output.
    static std::optional<ToolVersion> parse(const QString &versionOutput);
};

} // namespace PgVault

Q_DECLARE_METATYPE(PgVault::ToolVersion)
