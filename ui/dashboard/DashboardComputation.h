// SPDX-License-Identifier: GPL-3.0-or-later
// Computes the dashboard off the UI thread: each run copies the score board, opens its own connection
// to the database file (a connection belongs to the thread that opened it), loads the contacts' owners
// and tags, rebuilds the past-health cache when it is stale, and hands the result back to the UI
// thread. A request made while one runs replaces any request still waiting; only the newest is
// computed next.
#pragma once

#include "core/base/Result.h"
#include "core/dashboard/DashboardData.h"
#include "core/model/ContactLink.h"

#include <QList>
#include <QObject>
#include <memory>
#include <optional>

class QThread;

namespace rapport::ui {

class DatabaseSession;

// How many connectors the dashboard ranks.
inline constexpr int connectorLimit = 10;

struct DashboardResult
{
    DashboardData data;
    std::optional<BandContacts> band; // the clicked band's contacts, when one is selected
    // Why the stale past-health cache could not be rebuilt; the figures are then computed exactly
    // from the log (slower), and the next request tries the rebuild again. Empty when it was not needed
    // or succeeded.
    QString historyRebuildFailure;
    // Who introduced the most of the contacts the owner and tag filters keep, most first.
    QList<Connector> connectors;
};

class DashboardComputation : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardComputation)

public:
    explicit DashboardComputation(DatabaseSession& session, QObject* parent = nullptr);
    ~DashboardComputation() override;

    void request(const DashboardFilter& filter, std::optional<Band> band);
    bool isBusy() const { return m_thread != nullptr; }
    // Blocks until nothing is running or waiting (tests, and exports that need fresh numbers).
    void waitForFinished();

signals:
    void finished(const rapport::ui::DashboardResult& result);
    void failed(const QString& message);
    void busyChanged(bool busy);
    // Emitted from the worker thread (so queued) when the past-health cache is rebuilt before computing.
    void rebuildingHistory();

private:
    struct Request
    {
        DashboardFilter filter;
        std::optional<Band> band;
    };
    void start(const Request& request);
    void collect();

    DatabaseSession& m_session;
    std::unique_ptr<QThread> m_thread;
    std::shared_ptr<std::optional<Result<DashboardResult>>> m_result;
    std::optional<Request> m_waiting;
};

} // namespace rapport::ui
