#include "deckport/output_plan.hpp"

#include <map>

#include "deckport/error.hpp"

namespace deckport {
namespace fs = std::filesystem;

namespace {

// Absolute, without `.`, `..` or a trailing '/'; symbolic links are kept as written, so that
// the layout is the one the user sees.
fs::path absolute_normal(const fs::path& path) {
    fs::path normal = fs::absolute(path).lexically_normal();
    if (!normal.has_filename() && normal.has_relative_path()) normal = normal.parent_path();
    return normal;
}

fs::path common_folder(const fs::path& a, const fs::path& b) {
    fs::path common;
    for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end() && *i == *j; ++i, ++j) {
        common /= *i;
    }
    return common;
}

std::string output_name(const std::string& input, const fs::path& path,
                        const std::string& extension) {
    std::error_code ec;
    bool folder = fs::is_directory(path, ec) || input.ends_with('/');
    std::string stem = folder ? path.filename().string() : path.stem().string();
    return stem + extension;
}

}  // namespace

std::vector<PlannedOutput> plan_outputs(const std::vector<std::string>& inputs,
                                        const fs::path& out_dir, const std::string& extension,
                                        const std::vector<std::string>& walked_folders) {
    std::vector<fs::path> paths;
    for (const std::string& input : inputs) {
        if (input == "-") throw UsageError("stdin cannot go to --out-dir", "use -o FILE or -o -");
        paths.push_back(absolute_normal(input));
    }
    if (paths.empty()) return {};
    fs::path common = paths.front().parent_path();
    for (const fs::path& path : paths) common = common_folder(common, path.parent_path());
    for (const std::string& folder : walked_folders) {
        common = common_folder(common, absolute_normal(folder));
    }

    std::vector<PlannedOutput> plan;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        fs::path relative = paths[i].parent_path().lexically_relative(common);
        fs::path output =
            (out_dir / relative / output_name(inputs[i], paths[i], extension)).lexically_normal();
        plan.push_back({inputs[i], output.string()});
    }
    refuse_shared_outputs(plan);
    return plan;
}

void refuse_shared_outputs(const std::vector<PlannedOutput>& plan) {
    std::map<fs::path, std::vector<std::string>> inputs_by_output;
    for (const PlannedOutput& planned : plan) {
        inputs_by_output[absolute_normal(planned.output)].push_back(planned.input);
    }
    for (const PlannedOutput& planned : plan) {
        const std::vector<std::string>& sharing = inputs_by_output[absolute_normal(planned.output)];
        if (sharing.size() < 2) continue;
        std::string names;
        for (const std::string& name : sharing) names += (names.empty() ? "" : ", ") + name;
        throw UsageError("these inputs would all be written to '" + planned.output + "': " + names,
                         "convert them in separate runs with -o, or rename one of them");
    }
}

}  // namespace deckport
