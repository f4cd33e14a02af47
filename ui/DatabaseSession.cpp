#include "DatabaseSession.h"

namespace rapport::ui {

DatabaseSession::DatabaseSession(std::unique_ptr<Database> database, ScoringEngine engine, ScoreBoard board,
                                 QObject* parent)
    : QObject(parent)
    , m_database(std::move(database))
    , m_engine(std::move(engine))
    , m_board(std::move(board))
{}

DatabaseSession::~DatabaseSession() = default;

Result<std::unique_ptr<DatabaseSession>> DatabaseSession::open(std::unique_ptr<Database> database,
                                                               QObject* parent)
{
    Result<ScoringEngine> engine = ScoringEngine::open(*database);
    if (!engine)
        return engine.error();
    Result<ScoreBoard> board = ScoreBoard::load(*database);
    if (!board)
        return board.error();
    return std::unique_ptr<DatabaseSession>(
        new DatabaseSession(std::move(database), std::move(*engine), std::move(*board), parent));
}

void DatabaseSession::contactTouched(qint64 contactId)
{
    if (Status refreshed = m_board.refresh(*m_database, contactId); !refreshed) {
        emit errorOccurred(refreshed.error().message);
        return;
    }
    emit contactChanged(contactId);
}

void DatabaseSession::everythingTouched()
{
    Result<ScoringEngine> engine = ScoringEngine::open(*m_database);
    Result<ScoreBoard> board = ScoreBoard::load(*m_database);
    if (!engine || !board) {
        emit errorOccurred(!engine ? engine.error().message : board.error().message);
        return;
    }
    m_engine = std::move(*engine);
    m_board = std::move(*board);
    emit contactsReset();
}

} // namespace rapport::ui
