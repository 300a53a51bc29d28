#include "app/cli/cli_input_args.h"

#include "app/cli/cli_output.h"

namespace tg::app {

int parseInputArgs(QCommandLineParser& parser, const QStringList& args,
                   std::vector<std::string>& inputs) {
    if (!parser.parse(args)) {
        printError(parser.errorText());
        return kExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        printText(parser.helpText());
        return kExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        printError(QStringLiteral("no INPUTS given\n") + parser.helpText());
        return kExitUsage;
    }
    for (const QString& p : positional)
        inputs.push_back(p.toStdString());
    return -1;
}

int reportFailures(const LoadedInputs& loaded) {
    int code = kExitOk;
    for (const auto& r : loaded.reports) {
        if (!r.failed) continue;
        printError(QString::fromStdString(r.error.toString()));
        code = kExitBadInput;
    }
    return code;
}

} // namespace tg::app
