#pragma once

#include "common/Result.h"

#include <functional>

namespace PgVault {

// Reads up to maxSize bytes; returns fewer only at the end of the stream.
using StreamReader = std::function<Result<qint64>(char *buffer, qint64 maxSize)>;

// True when both streams yield the same bytes and end together. Used to tell a repeated
// wal-push of an identical file (success) from a different file under the same name (refused).
// Errors of either reader are returned as they are.
Result<bool> sameContent(const StreamReader &a, const StreamReader &b);

} // namespace PgVault
