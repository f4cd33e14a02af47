// SPDX-License-Identifier: GPL-3.0-or-later
// Runs a database job on a BackgroundTask and waits for it, for work the caller cannot go on without:
// an undo command's redo or undo, saving settings that rebuild every score. The window keeps painting;
// after a short delay a modal progress dialog (with Cancel where allowed) shows.
#pragma once

#include "core/base/Progress.h"
#include "core/base/Result.h"
#include "core/storage/Database.h"

#include <QString>
#include <functional>

class QWidget;

namespace rapport::ui {

class ModalTask
{
public:
    using Job = std::function<Status(Database& db, const ProgressCallback& progress)>;

    enum class Cancel
    {
        Allowed, // a cancelled job rolls back and returns Error::cancelled()
        NotAllowed
    };

    // Opens `databasePath` on the worker thread and runs `job` there. `parent` is the window the progress
    // dialog belongs to (the active window when null).
    static Status run(const QString& databasePath, const QString& label, const Job& job, Cancel cancel,
                      QWidget* parent = nullptr);
};

} // namespace rapport::ui
