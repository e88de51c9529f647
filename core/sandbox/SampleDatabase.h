#pragma once

#include "common/Result.h"

#include <QString>
#include <QStringList>

namespace PgVault {

class PgConnection;

// The "shop" database the sandbox starts with, so that there is something to back up, restore
// and look at: customers, products, orders and order_items with foreign keys, a view
// (order_totals), an explicit sequence (invoice numbers) and a few hundred rows.
//
// The data is computed from generate_series with fixed formulas (no random()), so every sandbox
// holds the same rows and tests can count them.
class SampleDatabase
{
public:
    static constexpr int Customers = 200;
    static constexpr int Products = 50;
    static constexpr int Orders = 500;
    // Each order n has 1 + n % 4 lines: 125 orders each with 1, 2, 3 and 4 lines.
    static constexpr int OrderItems = 1250;

    // The statements that fill an empty database, in order; run in one transaction.
    static QStringList statements();

    // Runs statements() in one transaction on a connection to the (new, empty) database.
    static Status fill(PgConnection &connection);
};

} // namespace PgVault
