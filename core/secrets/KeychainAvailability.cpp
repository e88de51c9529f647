#include "KeychainAvailability.h"

#include <atomic>

namespace PgVault {

namespace {
// Atomic because the blocking helpers may ask from worker threads.
std::atomic<KeychainAvailability::State> s_state{KeychainAvailability::State::Unknown};
} // namespace

KeychainAvailability::State KeychainAvailability::state()
{
    return s_state.load();
}

void KeychainAvailability::markAvailable()
{
    State expected = State::Unknown;
    s_state.compare_exchange_strong(expected, State::Available);
}

bool KeychainAvailability::markUnavailable()
{
    return s_state.exchange(State::Unavailable) != State::Unavailable;
}

} // namespace PgVault
