#pragma once
// Shows a folder in the desktop's file manager (xdg-open), without waiting:
// the window keeps drawing while the file manager starts.

#include <filesystem>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace kindling::platform {

class FolderOpener {
  public:
    // How long a started xdg-open is watched closely for a failure.
    static constexpr double watchSeconds = 5.0;

    FolderOpener() = default;
    FolderOpener(const FolderOpener&) = delete;
    FolderOpener& operator=(const FolderOpener&) = delete;
    // Openers still running are left to finish on their own.
    ~FolderOpener() = default;

    // Starts `xdg-open folder` (found on PATH) at time `now` (seconds); returns
    // why it could not start.
    std::optional<std::string> open(const std::filesystem::path& folder, double now);
    // Collects openers that have finished; returns why the latest failing one
    // failed (xdg-open found no file manager, or the folder is gone). `wait`
    // blocks until every opener has finished (for tests).
    std::optional<std::string> finished(bool wait = false);
    // An opener started less than watchSeconds ago is still running: the
    // window checks back soon instead of sleeping long.
    bool watching(double now) const;

  private:
    struct Child {
        pid_t pid;
        double startedAt;
        std::filesystem::path folder;
    };
    std::vector<Child> children_;
};

} // namespace kindling::platform
