// SPDX-License-Identifier: GPL-3.0-or-later
// Build-time helper: renders an SVG to PNGs of the given square sizes, for the hicolor icon theme.
// usage: rapport_svg2png INPUT.svg SIZE OUTPUT.png [SIZE OUTPUT.png]...
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QTextStream err(stderr);
    if (argc < 4 || argc % 2 != 0) {
        err << "usage: rapport_svg2png INPUT.svg SIZE OUTPUT.png [SIZE OUTPUT.png]...\n";
        return 1;
    }
    const QString input = QString::fromLocal8Bit(argv[1]);
    QSvgRenderer renderer(input);
    if (!renderer.isValid()) {
        err << "rapport_svg2png: cannot read " << input << '\n';
        return 2;
    }
    for (int i = 2; i + 1 < argc; i += 2) {
        bool ok = false;
        const int size = QString::fromLocal8Bit(argv[i]).toInt(&ok);
        const QString output = QString::fromLocal8Bit(argv[i + 1]);
        if (!ok || size <= 0 || size > 4096) {
            err << "rapport_svg2png: bad size " << argv[i] << '\n';
            return 1;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing);
            renderer.render(&painter);
        }
        QDir().mkpath(QFileInfo(output).absolutePath());
        if (!image.save(output, "PNG")) {
            err << "rapport_svg2png: cannot write " << output << '\n';
            return 2;
        }
    }
    return 0;
}
