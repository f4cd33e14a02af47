#include "MainWindow.h"

#include "AboutDialog.h"
#include "Clock.h"
#include "scoring/ScoringEngine.h"

#include <QFileInfo>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QVBoxLayout>
#include <array>

namespace rapport::ui {

MainWindow::MainWindow(std::unique_ptr<Database> database, QWidget* parent)
    : QMainWindow(parent)
    , m_database(std::move(database))
{
    setWindowTitle(tr("%1 — Rapport").arg(QFileInfo(m_database->path()).fileName()));
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* about = helpMenu->addAction(tr("&About Rapport"), this, [this] { AboutDialog(this).exec(); });
    about->setMenuRole(QAction::AboutRole);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    m_summary = new QLabel(central);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    setCentralWidget(central);
    statusBar()->showMessage(m_database->path());
    resize(1280, 800);
    refreshSummary();
}

MainWindow::~MainWindow() = default;

void MainWindow::refreshSummary()
{
    const Result<ScoringEngine> engine = ScoringEngine::open(*m_database);
    if (!engine) {
        m_summary->setText(engine.error().message.toHtmlEscaped());
        return;
    }
    const Result<QList<ContactScore>> scores = engine->scoreAll(Clock::nowSeconds(), false);
    if (!scores) {
        m_summary->setText(scores.error().message.toHtmlEscaped());
        return;
    }
    std::array<int, bandCount> perBand{};
    for (const ContactScore& entry : *scores)
        ++perBand[static_cast<size_t>(entry.score.band)];
    QString html = tr("<h2>%1</h2><p>%2 contacts</p><table cellpadding='4'>")
                       .arg(QFileInfo(m_database->path()).fileName().toHtmlEscaped())
                       .arg(scores->size());
    for (int band = 0; band < bandCount; ++band)
        html += QStringLiteral("<tr><td>%1</td><td align='right'>%2</td></tr>")
                    .arg(bandName(static_cast<Band>(band)))
                    .arg(perBand[static_cast<size_t>(band)]);
    html += QStringLiteral("</table>");
    m_summary->setText(html);
}

} // namespace rapport::ui
