// Runs a long database job off the UI thread on its own connection, with a progress dialog (and, when
// allowed, a Cancel button) after a short delay, and returns when it has finished. The window stays
// painted and responsive; the dialog keeps the user from starting another edit meanwhile.
#pragma once

#include "Progress.h"
#include "Result.h"
#include "storage/Database.h"

#include <QString>
#include <functional>

class QWidget;

namespace rapport::ui {

class BackgroundTask
{
public:
    using Job = std::function<Status(Database& db, const ProgressCallback& progress)>;

    enum class Cancel
    {
        Allowed, // a cancelled job rolls back and returns Error::cancelled()
        NotAllowed
    };

    // Opens `databasePath` on a worker thread and runs `job` there. `parent` is the window the progress
    // dialog belongs to (the active window when null).
    static Status run(const QString& databasePath, const QString& label, const Job& job, Cancel cancel,
                      QWidget* parent = nullptr);
};

} // namespace rapport::ui
