// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/dashboard/DashboardComputation.h"

#include "core/base/Clock.h"
#include "core/dashboard/DashboardAggregator.h"
#include "core/dashboard/HealthHistory.h"
#include "core/storage/ContactLinkRepository.h"
#include "ui/session/DatabaseSession.h"

#include <QThread>

namespace rapport::ui {

DashboardComputation::DashboardComputation(DatabaseSession& session, QObject* parent)
    : QObject(parent)
    , m_session(session)
{}

DashboardComputation::~DashboardComputation()
{
    if (m_thread)
        m_thread->wait();
}

void DashboardComputation::request(const DashboardFilter& filter, std::optional<Band> band)
{
    if (m_thread) {
        m_waiting = Request{filter, band};
        return;
    }
    start(Request{filter, band});
}

void DashboardComputation::start(const Request& request)
{
    m_result = std::make_shared<std::optional<Result<DashboardResult>>>();
    // The board is copied so that edits on the UI thread never race with the computation.
    m_thread.reset(QThread::create([this, path = m_session.path(), board = m_session.board(),
                                    settings = m_session.engine().settings(), request,
                                    now = Clock::nowSeconds(), result = m_result] {
        Result<std::unique_ptr<Database>> db = Database::open(path);
        if (!db) {
            result->emplace(db.error());
            return;
        }
        // After a change to the past (or in a new week) the history is rebuilt first: seconds once,
        // instead of an exact replay of the log on every computation. Should a write race with the
        // rebuild, the aggregator below computes exactly and the next request rebuilds again.
        // Only for a period ending this week: that is the history every other request reads too.
        HealthHistory history(**db);
        const qint64 at = std::min(request.filter.end, now);
        const Result<bool> fresh = history.isFresh(at);
        if (!fresh) {
            result->emplace(fresh.error());
            return;
        }
        QString historyRebuildFailure;
        if (!*fresh && HealthHistory::lastClosedWeekEnd(at) == HealthHistory::lastClosedWeekEnd(now)) {
            emit rebuildingHistory();
            if (const Status rebuilt = history.rebuild(settings, at); !rebuilt)
                historyRebuildFailure = rebuilt.error().message;
        }
        const Result<ContactGroups> groups = ContactGroups::load(**db);
        if (!groups) {
            result->emplace(groups.error());
            return;
        }
        const DashboardAggregator aggregator(**db, board, *groups, settings);
        Result<DashboardData> data = aggregator.compute(request.filter, now);
        if (!data) {
            result->emplace(data.error());
            return;
        }
        DashboardResult computed{std::move(data).value(), std::nullopt, historyRebuildFailure, {}};
        Result<QList<Connector>> connectors = ContactLinkRepository(**db).topConnectors(
            request.filter.ownerId, request.filter.tagId, connectorLimit);
        if (!connectors) {
            result->emplace(connectors.error());
            return;
        }
        computed.connectors = std::move(connectors).value();
        if (request.band) {
            Result<BandContacts> contacts = aggregator.contactsInBand(request.filter, *request.band, now);
            if (!contacts) {
                result->emplace(contacts.error());
                return;
            }
            computed.band = std::move(contacts).value();
        }
        result->emplace(std::move(computed));
    }));
    connect(m_thread.get(), &QThread::finished, this, &DashboardComputation::collect);
    m_thread->start();
    emit busyChanged(true);
}

void DashboardComputation::collect()
{
    if (!m_thread)
        return;
    m_thread->wait();
    m_thread.reset();
    const std::shared_ptr<std::optional<Result<DashboardResult>>> result = std::move(m_result);
    // A newer request makes this result stale: compute that one instead of showing this one.
    if (m_waiting) {
        const Request next = *m_waiting;
        m_waiting.reset();
        start(next);
        return;
    }
    emit busyChanged(false);
    if (!result->has_value())
        emit failed(tr("The dashboard could not be computed."));
    else if (!result->value())
        emit failed(result->value().error().message);
    else
        emit finished(result->value().value());
}

void DashboardComputation::waitForFinished()
{
    while (m_thread) {
        m_thread->wait();
        collect();
    }
}

} // namespace rapport::ui
