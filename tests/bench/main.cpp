// rapport-bench: measures the performance targets of architecture.md on the demo datasets.
// Not part of ctest's default run: `build/tests/bench/rapport-bench --dataset large`.
#include "BenchmarkTable.h"
#include "Clock.h"
#include "ConversationLog.h"
#include "demo/DemoGenerator.h"
#include "scoring/ScoreBoard.h"
#include "scoring/ScoringEngine.h"
#include "storage/SearchIndex.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTextStream>
#include <cstdlib>

using namespace rapport;
using namespace rapport::bench;

namespace {

struct Dataset
{
    const char* name;
    qint64 contacts;
    qint64 interactions;
};

constexpr Dataset medium{"medium", 10000, 500000};
constexpr Dataset large{"large", 100000, 5000000};

QTextStream& out()
{
    static QTextStream stream(stdout);
    return stream;
}

[[noreturn]] void die(const QString& what, const Error& error)
{
    out() << "rapport-bench: " << what << ": " << error.message << Qt::endl;
    std::exit(1);
}

template <typename T>
T orDie(const QString& what, Result<T> result)
{
    if (!result)
        die(what, result.error());
    return std::move(result).value();
}

void orDie(const QString& what, const Status& status)
{
    if (!status)
        die(what, status.error());
}

// The dataset is generated once per work folder and seed and reused by later runs.
std::unique_ptr<Database> openDataset(const Dataset& dataset, const QString& workdir, BenchmarkTable& table)
{
    const QString path = QStringLiteral("%1/%2.sqlite3").arg(workdir, QString::fromLatin1(dataset.name));
    const bool fresh = !QFile::exists(path);
    std::unique_ptr<Database> db = orDie(QStringLiteral("open %1").arg(path), Database::open(path));
    if (fresh) {
        out() << "generating the " << dataset.name << " dataset in " << path << " …" << Qt::endl;
        DemoOptions options;
        options.contacts = dataset.contacts;
        options.interactions = dataset.interactions;
        options.seed = 1;
        const double target = dataset.interactions >= large.interactions ? 60000.0 : 6000.0;
        table.measure(QStringLiteral("generate %1 demo database").arg(QString::fromLatin1(dataset.name)), 1,
                      target, [&] { orDie(QStringLiteral("demo"), DemoGenerator(*db, options).generate()); });
    }
    return db;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rapport-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures Rapport's performance targets."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("dataset"), QStringLiteral("medium or large (default large)."),
                      QStringLiteral("NAME"), QStringLiteral("large")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Runs per row (default 7)."),
                      QStringLiteral("N"), QStringLiteral("7")});
    parser.addOption({QStringLiteral("workdir"),
                      QStringLiteral("Where datasets are kept (default /tmp/rapport-bench)."),
                      QStringLiteral("DIR"), QStringLiteral("/tmp/rapport-bench")});
    parser.addOption(
        {QStringLiteral("json"), QStringLiteral("Also write the results as JSON."), QStringLiteral("FILE")});
    parser.process(app);

    const QString datasetName = parser.value(QStringLiteral("dataset"));
    if (datasetName != QLatin1String("medium") && datasetName != QLatin1String("large")) {
        out() << "rapport-bench: --dataset must be medium or large" << Qt::endl;
        return 1;
    }
    const Dataset& dataset = datasetName == QLatin1String("medium") ? medium : large;
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    const QString workdir = parser.value(QStringLiteral("workdir"));
    QDir().mkpath(workdir);

    BenchmarkTable table;
    std::unique_ptr<Database> db = openDataset(dataset, workdir, table);
    ScoringEngine engine = orDie(QStringLiteral("scoring"), ScoringEngine::open(*db));
    const qint64 now = Clock::nowSeconds();

    std::optional<ScoreBoard> board;
    table.measure(QStringLiteral("load the score board (all contacts' score inputs, cold)"), runs,
                  std::nullopt, [&] { board = orDie(QStringLiteral("score board"), ScoreBoard::load(*db)); });
    table.measure(QStringLiteral("read scores of all contacts (score board)"), runs, 50.0, [&] {
        const QList<ContactScore> scores = board->scoresAt(now, engine.settings());
        if (scores.isEmpty())
            die(QStringLiteral("scores"), Error::database(QStringLiteral("no contacts")));
    });
    table.measure(QStringLiteral("read scores of all contacts with Δ30/Δ90 (log pass)"), std::min(runs, 3),
                  std::nullopt, [&] { orDie(QStringLiteral("scores"), engine.scoreAll(now, true)); });
    table.measure(QStringLiteral("rebuild all scoring state from the log"), std::min(runs, 5), 5000.0,
                  [&] { orDie(QStringLiteral("rebuild"), engine.rebuildAll()); });

    const qint64 contactCount =
        orDie(QStringLiteral("count"), db->scalar(QStringLiteral("SELECT count(*) FROM contacts")))
            .toLongLong();
    QRandomGenerator random(7);
    QList<qint64> logged;
    ConversationLog conversations(*db, engine);
    BenchmarkRow logRow{QStringLiteral("log one interaction (write, rescore, commit)"), {}, 2.0, {}};
    for (int i = 0; i < runs * 30; ++i) {
        Interaction interaction;
        interaction.contactId = 1 + static_cast<qint64>(random.bounded(static_cast<quint64>(contactCount)));
        interaction.occurredAt = now;
        interaction.channel = Channel::Chat;
        interaction.direction = Direction::Inbound;
        interaction.summary = QStringLiteral("Benchmark conversation");
        QElapsedTimer timer;
        timer.start();
        logged << orDie(QStringLiteral("log"), conversations.log(interaction));
        logRow.milliseconds << static_cast<double>(timer.nsecsElapsed()) / 1e6;
    }
    table.add(logRow);
    for (const qint64 id : std::as_const(logged))
        orDie(QStringLiteral("undo benchmark log"), conversations.remove(id));

    SearchIndex search(*db);
    const QStringList words{QStringLiteral("roadmap"), QStringLiteral("garcía"), QStringLiteral("hackathon"),
                            QStringLiteral("nguyen"), QStringLiteral("sponsorship")};
    int word = 0;
    table.measure(QStringLiteral("full-text search, one word"), runs, 50.0, [&] {
        orDie(QStringLiteral("search"), search.findContacts(words[word++ % words.size()]));
    });

    out() << "\nRapport benchmark, " << dataset.name << " dataset (" << dataset.contacts << " contacts, "
          << dataset.interactions << " interactions), " << runs << " runs per row\n\n"
          << table.text() << Qt::endl;
    if (parser.isSet(QStringLiteral("json"))) {
        QFile json(parser.value(QStringLiteral("json")));
        if (!json.open(QIODevice::WriteOnly) ||
            json.write(table.json(QString::fromLatin1(dataset.name))) < 0) {
            out() << "rapport-bench: cannot write " << json.fileName() << Qt::endl;
            return 1;
        }
    }
    return table.allPassed() ? 0 : 2;
}
