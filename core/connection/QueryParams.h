#pragma once

#include <QByteArrayList>
#include <QVariantList>

#include <vector>

namespace PgVault {

// Internal to core/connection: text-format parameter arrays for PQexecParams/PQsendQueryParams.
// Invalid QVariants, nullptr and null QStrings/QByteArrays become SQL NULL, bools true/false,
// QByteArray is sent as is, date-times in ISO 8601 with their offset, anything else
// QVariant::toString().
class QueryParams
{
public:
    explicit QueryParams(const QVariantList &params);
    QueryParams(const QueryParams &) = delete;
    QueryParams &operator=(const QueryParams &) = delete;

    int count() const { return int(m_pointers.size()); }
    const char *const *values() const { return m_pointers.data(); }

private:
    QByteArrayList m_storage;
    std::vector<const char *> m_pointers;
};

} // namespace PgVault
