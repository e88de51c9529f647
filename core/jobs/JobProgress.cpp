#include "JobProgress.h"

#include <algorithm>

namespace PgVault {

double JobProgress::fraction() const
{
    if (bytesTotal > 0)
        return std::clamp(double(bytesDone) / double(bytesTotal), 0.0, 1.0);
    if (itemsTotal > 0)
        return std::clamp(double(itemsDone) / double(itemsTotal), 0.0, 1.0);
    return -1.0;
}

} // namespace PgVault
