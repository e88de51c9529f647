#pragma once

#include <memory>

namespace PgVault {

class JobManager;
class ProfileStore;
class SecretStore;
class Settings;
class ToolLocator;

// The core objects the GUI works with, created once by main() (or a test) and handed to the
// main window. None is owned by the window.
struct AppServices
{
    Settings *settings = nullptr;
    ProfileStore *profiles = nullptr;
    SecretStore *secrets = nullptr; // may be null: then passwords are asked for each time
    JobManager *jobs = nullptr;
    std::shared_ptr<const ToolLocator> tools; // may be null: client tools are not checked
};

} // namespace PgVault
