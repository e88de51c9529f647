#pragma once

#include "ConnInfo.h"

#include <QByteArrayList>

#include <optional>
#include <vector>

namespace PgVault {

// Internal to core/connection: the NULL-terminated keyword/value arrays for
// PQconnectStartParams, built from a ConnInfo plus a password that never goes into a string.
// Adds client_encoding=UTF8 (we decode everything as UTF-8) and
// fallback_application_name=pgvault unless the ConnInfo sets them.
class ConnectParams
{
public:
    ConnectParams(const ConnInfo &info, const std::optional<QString> &password);
    ConnectParams(const ConnectParams &) = delete;
    ConnectParams &operator=(const ConnectParams &) = delete;

    const char *const *keywords() const { return m_keywordPtrs.data(); }
    const char *const *values() const { return m_valuePtrs.data(); }

private:
    void add(const QString &keyword, const QString &value);

    QByteArrayList m_storage;
    std::vector<const char *> m_keywordPtrs;
    std::vector<const char *> m_valuePtrs;
};

} // namespace PgVault
