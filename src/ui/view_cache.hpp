#pragma once
// What a screen derives from the session, kept between frames
// (docs/architecture.md §4): rebuilt when the session, its revision, its
// as-of day or the screen's own inputs differ from the last build, so a frame
// does no history work when nothing changed.

#include "app/session.hpp"
#include "core/date.hpp"

#include <cstdint>
#include <optional>
#include <utility>

namespace kindling::ui {

// For a view that depends on the session alone.
struct NoInputs {
    bool operator==(const NoInputs&) const = default;
};

template <class View, class Inputs = NoInputs> class ViewCache {
  public:
    // The view for `session` as it is now and `inputs`; `build()` makes it
    // when the key differs. A build that throws keeps nothing.
    template <class Build>
    const View& get(const Session& session, const Inputs& inputs, Build&& build) {
        Key key{&session, session.revision(), session.asOf(), inputs};
        if (!view_ || !(key == key_)) {
            view_.reset();
            view_.emplace(build());
            key_ = std::move(key);
        }
        return *view_;
    }
    template <class Build> const View& get(const Session& session, Build&& build) {
        return get(session, Inputs{}, std::forward<Build>(build));
    }

    // The view last built, if any.
    const View* built() const { return view_ ? &*view_ : nullptr; }

  private:
    struct Key {
        const Session* session = nullptr; // views may point into its history
        std::uint64_t revision = 0;
        Day asOf{};
        Inputs inputs{};
        bool operator==(const Key&) const = default;
    };
    Key key_;
    std::optional<View> view_;
};

} // namespace kindling::ui
