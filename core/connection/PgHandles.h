#pragma once

// Internal to core/connection: owning handles for libpq objects. Include only from .cpp files;
// public headers of core must not pull in libpq-fe.h.

#include <libpq-fe.h>

#include <memory>

namespace PgVault {

struct PgConnDeleter
{
    void operator()(PGconn *conn) const { PQfinish(conn); }
};

struct PgResultDeleter
{
    void operator()(PGresult *result) const { PQclear(result); }
};

struct PgCancelDeleter
{
    void operator()(PGcancel *cancel) const { PQfreeCancel(cancel); }
};

struct PgOptionsDeleter
{
    void operator()(PQconninfoOption *options) const { PQconninfoFree(options); }
};

using PgConnPtr = std::unique_ptr<PGconn, PgConnDeleter>;
using PgResultPtr = std::unique_ptr<PGresult, PgResultDeleter>;
using PgCancelPtr = std::unique_ptr<PGcancel, PgCancelDeleter>;
using PgOptionsPtr = std::unique_ptr<PQconninfoOption, PgOptionsDeleter>;

} // namespace PgVault
