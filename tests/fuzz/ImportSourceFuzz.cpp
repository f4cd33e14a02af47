// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes import format detection: whatever ImportSource finds in arbitrary bytes must be consistent.
#include "core/import/ImportFormat.h"
#include "core/import/ImportSource.h"
#include "tests/fuzz/FuzzCheck.h"

using namespace rapport;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks the target and the format asked for.
    const auto target = static_cast<ImportTarget>((data[0] & 3) % 3);
    const QStringList formats =
        QStringList{QStringLiteral("auto"), QStringLiteral("manual")} + importFormatKeys();
    const QString format = formats[(data[0] >> 2) % formats.size()];
    const ImportInput input = ImportInput::fromBytes(
        QByteArray(reinterpret_cast<const char*>(data) + 1, static_cast<qsizetype>(size - 1)),
        QStringLiteral("fuzz.csv"));

    const Result<std::unique_ptr<ImportSource>> source =
        ImportSource::open(input, target, format, std::nullopt, CsvReadOptions{});
    if (!source)
        return 0;
    const ImportLayout& layout = (*source)->layout();
    FUZZ_CHECK(layout.headerLine >= 1);
    if (layout.format) {
        FUZZ_CHECK(layout.format->supports(target));
        FUZZ_CHECK(layout.format->recognizes(layout.header, target));
    }
    for (const ColumnBinding& binding : layout.mapping.bindings())
        FUZZ_CHECK(binding.column >= 0 && binding.column < layout.header.size());
    // The reader stands on the first data row: reading on must not break.
    for (int records = 0; records < 1000; ++records) {
        const Result<bool> more = (*source)->reader().next();
        if (!more || !*more)
            break;
    }
    return 0;
}
