// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/session/DatabaseSession.h"

#include "core/storage/OwnCommits.h"
#include "core/storage/TeamMemberRepository.h"

#include <QFileInfo>
#include <QSettings>
#include <QThread>

namespace rapport::ui {

namespace {

const QString currentMemberKey = QStringLiteral("currentMember");

QString settingsKeyOf(const QString& databasePath)
{
    return QFileInfo(databasePath).absoluteFilePath();
}

} // namespace

DatabaseSession::DatabaseSession(std::unique_ptr<Database> database, ScoringEngine engine, QObject* parent)
    : QObject(parent)
    , m_database(std::move(database))
    , m_engine(engine)
{}

DatabaseSession::~DatabaseSession()
{
    waitForJob();
    if (m_loader)
        m_loader->wait();
}

Result<std::unique_ptr<DatabaseSession>> DatabaseSession::open(std::unique_ptr<Database> database,
                                                               ScoreLoading loading, QObject* parent)
{
    Result<ScoringEngine> engine = ScoringEngine::open(*database);
    if (!engine)
        return engine.error();
    std::unique_ptr<DatabaseSession> session(
        new DatabaseSession(std::move(database), *engine, parent));
    session->restoreCurrentMember();
    session->rememberChangeStamp();
    session->startLoadingScores();
    if (loading == ScoreLoading::Now)
        session->waitForScores();
    return session;
}

DatabaseJob* DatabaseSession::startJob(const QString& label, DatabaseJob::Job job, DatabaseJob::Cancel cancel,
                                       QWidget* parent, std::optional<ChangeSource> source)
{
    if (m_job)
        return nullptr;
    ChangeAttribution attribution = changeAttribution();
    if (source)
        attribution.source = *source;
    m_job = DatabaseJob::start(path(), attribution, label, std::move(job), cancel, parent);
    // Connected before the caller's own connection: by the time it hears the outcome, the next job may
    // start.
    connect(m_job, &DatabaseJob::finished, this, [this] {
        m_job.clear();
        emit busyChanged(false);
    });
    emit busyChanged(true);
    return m_job;
}

void DatabaseSession::waitForJob()
{
    if (m_job)
        m_job->wait();
}

void DatabaseSession::setCurrentMemberId(qint64 id)
{
    m_currentMemberId = id;
    attributeChangesToCurrentMember();
    QSettings settings;
    QVariantMap members = settings.value(currentMemberKey).toMap();
    if (id > 0)
        members.insert(settingsKeyOf(path()), id);
    else
        members.remove(settingsKeyOf(path()));
    settings.setValue(currentMemberKey, members);
}

void DatabaseSession::restoreCurrentMember()
{
    const qint64 stored =
        QSettings().value(currentMemberKey).toMap().value(settingsKeyOf(path())).toLongLong();
    // A member removed since (by anyone sharing the file) is no longer who this user is.
    if (stored > 0 && TeamMemberRepository(*m_database).get(stored))
        m_currentMemberId = stored;
    attributeChangesToCurrentMember();
}

void DatabaseSession::attributeChangesToCurrentMember()
{
    ChangeAttribution attribution = m_database->changeAttribution();
    attribution.authorId = m_currentMemberId > 0 ? std::optional<qint64>(m_currentMemberId) : std::nullopt;
    m_database->setChangeAttribution(attribution);
}

void DatabaseSession::startLoadingScores()
{
    m_scoresReady = false;
    m_touchedWhileLoading.clear();
    m_loaded = std::make_shared<std::optional<Result<ScoreBoard>>>();
    // The loader reads through its own connection: a connection belongs to the thread that opened it.
    m_loader.reset(QThread::create([path = m_database->path(), loaded = m_loaded] {
        Result<std::unique_ptr<Database>> db = Database::open(path);
        if (!db)
            loaded->emplace(db.error());
        else
            loaded->emplace(ScoreBoard::load(**db));
    }));
    connect(m_loader.get(), &QThread::finished, this, &DatabaseSession::finishLoadingScores);
    m_loader->start();
}

void DatabaseSession::waitForScores()
{
    if (m_loader) {
        m_loader->wait();
        finishLoadingScores();
    }
}

void DatabaseSession::finishLoadingScores()
{
    if (!m_loader)
        return;
    // Deleted here rather than later: no event loop may run again before the session goes (tests, quit).
    m_loader->wait();
    m_loader.reset();
    if (!m_loaded->has_value() || !m_loaded->value()) {
        emit errorOccurred(m_loaded->has_value() ? m_loaded->value().error().message
                                                 : tr("The scores could not be loaded."));
        return;
    }
    m_board = std::move(m_loaded->value().value());
    m_loaded.reset();
    m_scoresReady = true;
    // Edits made while the board loaded may postdate what the loader read.
    for (const qint64 contactId : std::as_const(m_touchedWhileLoading)) {
        if (Status refreshed = m_board.refresh(*m_database, contactId); !refreshed)
            emit errorOccurred(refreshed.error().message);
    }
    m_touchedWhileLoading.clear();
    emit scoresLoaded();
}

void DatabaseSession::contactTouched(qint64 contactId)
{
    if (!m_scoresReady)
        m_touchedWhileLoading.insert(contactId);
    if (Status refreshed = m_board.refresh(*m_database, contactId); !refreshed) {
        emit errorOccurred(refreshed.error().message);
        return;
    }
    emit contactChanged(contactId);
}

void DatabaseSession::rememberChangeStamp()
{
    const Result<Database::ChangeStamp> now = m_database->changeStamp();
    if (!now) {
        emit errorOccurred(now.error().message);
        return;
    }
    OwnCommits::forgetUpTo(m_database->canonicalPath(), now->revision);
    m_seen = *now;
}

void DatabaseSession::everythingTouched()
{
    rememberChangeStamp();
    Result<ScoringEngine> engine = ScoringEngine::open(*m_database);
    Result<ScoreBoard> board = ScoreBoard::load(*m_database);
    if (!engine || !board) {
        emit errorOccurred(!engine ? engine.error().message : board.error().message);
        return;
    }
    waitForScores();
    m_engine = *engine;
    m_board = std::move(*board);
    m_scoresReady = true;
    emit contactsReset();
}

void DatabaseSession::checkForOutsideChanges()
{
    const Result<Database::ChangeStamp> now = m_database->changeStamp();
    if (!now) {
        emit errorOccurred(now.error().message);
        return;
    }
    if (now->dataVersion == m_seen.dataVersion)
        return;
    // A commit that raised no revision came from a program other than Rapport (the sqlite3 shell).
    const bool onlyOwnCommits =
        now->revision != m_seen.revision &&
        OwnCommits::takeAllOwn(m_database->canonicalPath(), m_seen.revision, now->revision);
    if (onlyOwnCommits) {
        m_seen = *now;
        return;
    }
    everythingTouched();
}

} // namespace rapport::ui
