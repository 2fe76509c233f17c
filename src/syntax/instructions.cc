#include "syntax/instructions.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/go_quote.h"
#include "base/go_strconv.h"
#include "base/suggest.h"
#include "base/utf8.h"
#include "model/mount.h"
#include "syntax/line_parsers.h"

namespace shipshape::syntax {
namespace {

constexpr std::int64_t kMinimumDuration = 1000000;  // 1ms, the engine's minimum interval

/// Lower-case instruction names, the candidates of "did you mean".
constexpr std::string_view kInstructionNames[] = {
    "add",    "arg",   "cmd",         "copy",  "entrypoint", "env",
    "expose", "from",  "healthcheck", "label", "maintainer", "onbuild",
    "run",    "shell", "stopsignal",  "user",  "volume",     "workdir"};

/// Appends the argument values BuildKit's instruction parser sees (its nodeArgs) to `args`.
void NodeArgs(const Instruction& inst, std::vector<std::string_view>& args) {
  if (inst.keyword == Keyword::kEnv || inst.keyword == Keyword::kLabel) {
    for (const KeyValue& kv : inst.pairs) {
      args.push_back(kv.key.value);
      args.push_back(kv.value.value);
      args.push_back(kv.has_equals ? "=" : "");
    }
    return;
  }
  if (inst.keyword == Keyword::kOnbuild) {
    if (inst.trigger) {
      args.push_back(inst.trigger->word.value);
      NodeArgs(*inst.trigger, args);
    }
    return;
  }
  if (inst.keyword == Keyword::kUnknown) {
    args.push_back("");
    return;
  }
  for (const Word& w : inst.args) args.push_back(w.value);
}

/// Collects one instruction's errors.
class Checker {
 public:
  /// `args` is a scratch buffer, reused from one instruction to the next.
  Checker(const Instruction& inst, std::vector<SyntaxError>& out,
          std::vector<std::string_view>& args)
      : inst_(inst), out_(out), args_(args) {
    args_.clear();
    NodeArgs(inst_, args_);
  }

  /// Runs BuildKit's parse function for the instruction.
  void Run();
  /// Adds an error over `range` (the whole instruction when empty).
  void Fail(std::string message, base::Range range = {}, std::string expected = {}) {
    SyntaxError e;
    e.expected = std::move(expected);
    e.layer = SyntaxError::Layer::kInstruction;
    e.range = range.empty() && range.begin == 0 ? inst_.range : range;
    e.message = std::move(message);
    e.buildkit_prefix = true;
    e.buildkit_start_line = inst_.start_line;
    e.buildkit_end_line = inst_.end_line;
    out_.push_back(std::move(e));
  }

 private:
  /// Validates the flags against `flags`; false (and an error) when they do not parse.
  bool ParseFlags(BuilderFlags& flags) {
    if (inst_.flags.empty()) return true;
    std::vector<std::string_view> words;
    for (const Flag& f : inst_.flags) words.push_back(f.text);
    std::size_t bad = 0;
    std::string error = flags.Parse(words, &bad);
    if (error.empty()) return true;
    Fail(std::move(error), bad < inst_.flags.size() ? inst_.flags[bad].range : base::Range{},
         flags.Describe(bad < words.size() ? words[bad] : std::string_view()));
    return false;
  }
  bool ParseNoFlags() {
    if (inst_.flags.empty()) return true;
    BuilderFlags none;
    return ParseFlags(none);
  }
  base::Range ArgRange(std::size_t i) const {
    return i < inst_.args.size() ? inst_.args[i].range : base::Range{};
  }

  void CheckKeyValues(std::string_view name);
  void CheckExactlyOne(std::string_view name);
  void CheckSourcesAndDest(std::string_view name);
  void CheckFrom();
  void CheckOnbuild();
  void CheckRun();
  void CheckHealthcheck();
  void CheckShell();

  const Instruction& inst_;
  std::vector<SyntaxError>& out_;
  std::vector<std::string_view>& args_;
};

void Checker::Run() {
  switch (inst_.keyword) {
    case Keyword::kEnv:
      if (ParseNoFlags()) CheckKeyValues("ENV");
      return;
    case Keyword::kLabel:
      if (ParseNoFlags()) CheckKeyValues("LABEL");
      return;
    case Keyword::kMaintainer:
      CheckExactlyOne("MAINTAINER");
      return;
    case Keyword::kAdd:
      CheckSourcesAndDest("ADD");
      return;
    case Keyword::kCopy:
      CheckSourcesAndDest("COPY");
      return;
    case Keyword::kFrom:
      CheckFrom();
      return;
    case Keyword::kOnbuild:
      CheckOnbuild();
      return;
    case Keyword::kWorkdir:
      CheckExactlyOne("WORKDIR");
      return;
    case Keyword::kRun:
      CheckRun();
      return;
    case Keyword::kCmd:
    case Keyword::kEntrypoint:
      ParseNoFlags();
      return;
    case Keyword::kHealthcheck:
      CheckHealthcheck();
      return;
    case Keyword::kExpose:
      if (args_.empty()) {
        Fail("EXPOSE requires at least one argument");
        return;
      }
      ParseNoFlags();
      return;
    case Keyword::kUser:
      CheckExactlyOne("USER");
      return;
    case Keyword::kVolume:
      if (args_.empty()) {
        Fail("VOLUME requires at least one argument");
        return;
      }
      if (!ParseNoFlags()) return;
      for (std::size_t i = 0; i < args_.size(); ++i) {
        if (base::TrimSpace(args_[i]).empty()) {
          Fail("VOLUME specified can not be an empty string", ArgRange(i));
          return;
        }
      }
      return;
    case Keyword::kStopsignal:
      // BuildKit does not validate STOPSIGNAL's flags.
      if (args_.size() != 1) Fail("STOPSIGNAL requires exactly one argument");
      return;
    case Keyword::kArg:
      // Nor ARG's.
      if (args_.empty()) {
        Fail("ARG requires at least one argument");
        return;
      }
      for (std::size_t i = 0; i < args_.size(); ++i) {
        if (!args_[i].empty() && args_[i][0] == '=') {
          Fail("ARG names can not be blank", ArgRange(i));
          return;
        }
      }
      return;
    case Keyword::kShell:
      CheckShell();
      return;
    case Keyword::kUnknown: {
      const std::string_view word = inst_.word.value;
      std::string message = base::WithSuggestion(fmt::format("unknown instruction: {}", word), word,
                                                 kInstructionNames, false);
      const bool suggested = message.back() == ')';
      Fail(
          std::move(message), inst_.word.range,
          suggested ? "" : "an instruction such as FROM, RUN, COPY, ENV or CMD (or a `#` comment)");
      return;
    }
  }
}

void Checker::CheckKeyValues(std::string_view name) {
  if (args_.empty()) {
    Fail(fmt::format("{} requires at least one argument", name));
    return;
  }
  for (const KeyValue& kv : inst_.pairs) {
    if (kv.key.value.empty()) {
      Fail(fmt::format("{} names can not be blank", name), kv.key.range);
      return;
    }
  }
}

void Checker::CheckExactlyOne(std::string_view name) {
  if (args_.size() != 1) {
    Fail(fmt::format("{} requires exactly one argument", name));
    return;
  }
  ParseNoFlags();
}

void Checker::CheckSourcesAndDest(std::string_view name) {
  if (args_.size() < 2) {
    Fail(
        fmt::format("{} requires at least two arguments, but only one was provided. "
                    "Destination could not be determined",
                    name));
    return;
  }
  if (!inst_.flags.empty()) {
    BuilderFlags flags;
    flags.AddStrings("exclude");
    if (name == "COPY") {
      flags.AddBool("parents", false);
      flags.AddString("chown", "");
      flags.AddString("from", "");
      flags.AddString("chmod", "");
      flags.AddBool("link", false);
    } else {
      flags.AddString("chown", "");
      flags.AddString("chmod", "");
      flags.AddBool("link", false);
      flags.AddBool("keep-git-dir", false);
      flags.AddString("checksum", "");
      flags.AddBool("unpack", false);
    }
    if (!ParseFlags(flags)) return;
  }
  if (ParseHeredocWord(args_.back(), nullptr)) {
    Fail(fmt::format("{} cannot accept a heredoc as a destination", name),
         ArgRange(args_.size() - 1));
  }
}

void Checker::CheckFrom() {
  const bool three = args_.size() == 3 && base::EqualsIgnoreCase(args_[1], "as");
  if (three) {
    const std::string name = base::ToLower(args_[2]);
    bool valid = !name.empty() && name[0] >= 'a' && name[0] <= 'z';
    for (char c : name) {
      valid = valid && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                        c == '.');
    }
    if (!valid) {
      Fail(fmt::format("invalid name for build stage: {}, name can't start with a number or "
                       "contain symbols",
                       base::GoQuote(args_[2])),
           ArgRange(2));
      return;
    }
  } else if (args_.size() != 1) {
    Fail("FROM requires either one or three arguments", {}, "`FROM image` or `FROM image AS name`");
    return;
  }
  BuilderFlags flags;
  flags.AddString("platform", "");
  ParseFlags(flags);
}

void Checker::CheckOnbuild() {
  if (args_.empty()) {
    Fail("ONBUILD requires at least one argument");
    return;
  }
  if (!ParseNoFlags()) return;
  const std::string trigger = base::ToUpper(base::TrimSpace(args_[0]));
  const base::Range range = inst_.trigger ? inst_.trigger->word.range : base::Range{};
  if (trigger == "ONBUILD") {
    Fail("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", range);
  } else if (trigger == "MAINTAINER" || trigger == "FROM") {
    Fail(fmt::format("{} isn't allowed as an ONBUILD trigger", trigger), range);
  }
}

void Checker::CheckRun() {
  if (inst_.flags.empty()) return;  // the defaults (network, security) are valid
  BuilderFlags flags;
  flags.AddStrings("mount");
  flags.AddString("network", "default");
  flags.AddString("security", "sandbox");
  flags.AddStrings("device");
  if (!ParseFlags(flags)) return;
  auto flag_range = [&](std::string_view name) {
    for (const Flag& f : inst_.flags) {
      if (f.Name() == name) return f.range;
    }
    return base::Range{};
  };
  // BuildKit's post-parse hooks run in source-file order: device, mount, network, security.
  for (std::string_view value : flags.Values("device")) {
    std::string error;
    ParseDevice(value, &error);
    if (!error.empty()) {
      Fail(std::move(error), flag_range("device"));
      return;
    }
  }
  for (std::string_view value : flags.Values("mount")) {
    std::string error = model::CheckMountAtParseTime(value);
    if (!error.empty()) {
      Fail(std::move(error), flag_range("mount"));
      return;
    }
  }
  const std::string_view network = flags.Value("network");
  if (network != "default" && network != "none" && network != "host") {
    Fail(fmt::format("invalid network mode {}", base::GoQuote(network)), flag_range("network"),
         "`default`, `none` or `host`");
    return;
  }
  const std::string_view security = flags.Value("security");
  if (security != "sandbox" && security != "insecure") {
    Fail(fmt::format("security {} is not valid", base::GoQuote(security)), flag_range("security"),
         "`sandbox` or `insecure`");
  }
}

void Checker::CheckHealthcheck() {
  if (args_.empty()) {
    Fail("HEALTHCHECK requires at least one argument");
    return;
  }
  const std::string type = base::ToUpper(args_[0]);
  const std::span<const std::string_view> rest(args_.data() + 1, args_.size() - 1);
  if (type == "NONE") {
    // BuildKit does not look at the flags of HEALTHCHECK NONE.
    if (!rest.empty()) Fail("HEALTHCHECK NONE takes no arguments", ArgRange(1));
    return;
  }
  BuilderFlags flags;
  flags.AddString("interval", "");
  flags.AddString("timeout", "");
  flags.AddString("start-period", "");
  flags.AddString("start-interval", "");
  flags.AddString("retries", "");
  if (!ParseFlags(flags)) return;
  if (type != "CMD") {
    Fail(fmt::format("Unknown type {} in HEALTHCHECK (try CMD)", base::GoQuote(type)), ArgRange(0));
    return;
  }
  if (HandleJsonArgs(rest, inst_.json).empty()) {
    Fail("Missing command after HEALTHCHECK CMD", ArgRange(0));
    return;
  }
  auto flag_range = [&](std::string_view name) {
    for (const Flag& f : inst_.flags) {
      if (f.Name() == name) return f.range;
    }
    return base::Range{};
  };
  for (std::string_view name : {"interval", "timeout", "start-period", "start-interval"}) {
    std::string error;
    ParseOptInterval(name, flags.Value(name), &error);
    if (!error.empty()) {
      Fail(std::move(error), flag_range(name), "a duration such as `30s` or `1m30s`");
      return;
    }
  }
  const std::string_view retries = flags.Value("retries");
  if (!retries.empty()) {
    base::GoResult<std::int64_t> r = base::ParseInt(retries, 10, 32);
    if (!r.ok()) {
      Fail(r.error, flag_range("retries"), "a whole number such as `3`");
    } else if (r.value < 0) {
      Fail(fmt::format("--retries cannot be negative ({})", r.value), flag_range("retries"));
    }
  }
}

void Checker::CheckShell() {
  if (!ParseNoFlags()) return;
  if (HandleJsonArgs(args_, inst_.json).empty()) {
    Fail("SHELL requires at least one argument");
  } else if (!inst_.json) {
    Fail("SHELL requires the arguments to be in JSON form", {}, "`SHELL [\"/bin/bash\", \"-c\"]`");
  }
}

}  // namespace

void BuilderFlags::Add(Declared d) {
  if (count_ < kInlineFlags) {
    inline_[count_] = d;
  } else {
    more_.push_back(d);
  }
  ++count_;
}

void BuilderFlags::AddBool(std::string_view name, bool default_value) {
  Add({name, Type::kBool, default_value ? "true" : "false"});
}

void BuilderFlags::AddString(std::string_view name, std::string_view default_value) {
  Add({name, Type::kString, default_value});
}

void BuilderFlags::AddStrings(std::string_view name) { Add({name, Type::kStrings, {}}); }

BuilderFlags::Declared* BuilderFlags::Find(std::string_view name) {
  for (std::size_t i = 0; i < count_; ++i) {
    if (At(i).name == name) return &At(i);
  }
  return nullptr;
}

const BuilderFlags::Declared* BuilderFlags::Find(std::string_view name) const {
  for (std::size_t i = 0; i < count_; ++i) {
    if (At(i).name == name) return &At(i);
  }
  return nullptr;
}

std::string BuilderFlags::Parse(std::span<const std::string_view> words, std::size_t* bad_index) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (bad_index) *bad_index = i;
    std::string_view arg = words[i];
    if (arg.substr(0, 2) != "--") return fmt::format("arg should start with -- : {}", arg);
    if (arg == "--") return {};
    arg.remove_prefix(2);
    std::string_view value;
    const std::size_t eq = arg.find('=');
    const bool has_value = eq != std::string_view::npos;
    if (has_value) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
    }
    Declared* flag = Find(arg);
    if (!flag) {
      std::vector<std::string_view> names;
      for (std::size_t i = 0; i < count_; ++i) names.push_back(At(i).name);
      return base::WithSuggestion(fmt::format("unknown flag: --{}", arg), arg, names, true);
    }
    if (flag->used && flag->type != Type::kStrings) {
      return fmt::format("duplicate flag specified: --{}", arg);
    }
    flag->used = true;
    switch (flag->type) {
      case Type::kBool: {
        if (has_value && value.empty()) return fmt::format("missing a value on flag: --{}", arg);
        if (value.empty()) {
          flag->value = "true";
        } else if (base::EqualsIgnoreCase(value, "true")) {
          flag->value = "true";
        } else if (base::EqualsIgnoreCase(value, "false")) {
          flag->value = "false";
        } else {
          return fmt::format("expecting boolean value for flag --{}, not: {}", arg, value);
        }
        break;
      }
      case Type::kString:
        if (!has_value) return fmt::format("missing a value on flag: --{}", arg);
        flag->value = value;
        break;
      case Type::kStrings:
        if (!has_value) return fmt::format("missing a value on flag: --{}", arg);
        repeated_.emplace_back(arg, value);
        break;
    }
  }
  return {};
}

std::string BuilderFlags::Describe(std::string_view word) const {
  std::string_view name = word.substr(word.size() >= 2 ? 2 : word.size());
  name = name.substr(0, name.find('='));
  if (const Declared* d = Find(name)) {
    if (d->type == Type::kBool) return fmt::format("`--{}` or `--{}=true|false`", name, name);
    return fmt::format("`--{}=<value>`", name);
  }
  if (count_ == 0) return "no flags on this instruction";
  std::string names;
  for (std::size_t i = 0; i < count_; ++i) {
    if (!names.empty()) names += ", ";
    names += "--";
    names += At(i).name;
  }
  return "one of " + names;
}

std::string_view BuilderFlags::Value(std::string_view name) const {
  const Declared* d = Find(name);
  return d ? std::string_view(d->value) : std::string_view();
}

std::vector<std::string_view> BuilderFlags::Values(std::string_view name) const {
  std::vector<std::string_view> out;
  const Declared* d = Find(name);
  if (!d) return out;
  for (const auto& [flag, value] : repeated_) {
    if (flag == d->name) out.push_back(value);
  }
  return out;
}

bool BuilderFlags::Used(std::string_view name) const {
  const Declared* d = Find(name);
  return d && d->used;
}

std::vector<std::string> HandleJsonArgs(std::span<const std::string_view> args, bool json) {
  std::vector<std::string> out;
  if (args.empty()) return out;
  if (json) {
    for (std::string_view a : args) out.emplace_back(a);
    return out;
  }
  std::string joined;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i) joined += ' ';
    joined += args[i];
  }
  out.push_back(std::move(joined));
  return out;
}

std::int64_t ParseOptInterval(std::string_view flag_name, std::string_view value,
                              std::string* error) {
  if (value.empty()) return 0;
  base::GoResult<std::int64_t> d = base::ParseDuration(value);
  if (!d.ok()) {
    if (error) *error = d.error;
    return 0;
  }
  if (d.value != 0 && d.value < kMinimumDuration) {
    if (error) {
      *error = fmt::format("Interval {} cannot be less than 1ms", base::GoQuote(flag_name));
    }
    return 0;
  }
  return d.value;
}

Device ParseDevice(std::string_view value, std::string* error) {
  Device device;
  std::vector<std::string> fields;
  std::string csv_error;
  if (!model::SplitMountFields(value, &fields, &csv_error)) {
    // The same CSV reader as for mounts; only the wrapping text differs.
    const std::string_view prefix = "failed to parse csv mounts: ";
    std::string_view reason = csv_error;
    if (reason.substr(0, prefix.size()) == prefix) reason.remove_prefix(prefix.size());
    if (error) *error = fmt::format("failed to parse csv devices: {}", reason);
    return device;
  }
  for (const std::string& field : fields) {
    const std::size_t eq = field.find('=');
    const std::string key = base::ToLower(std::string_view(field).substr(0, eq));
    if (eq == std::string::npos) {
      if (key == "required") {
        device.required = true;
      } else if (device.name.empty()) {
        device.name = field;
      } else {
        if (error) *error = fmt::format("invalid field '{}' must be a key=value pair", field);
        return device;
      }
      continue;
    }
    const std::string_view val = std::string_view(field).substr(eq + 1);
    if (key == "name") {
      if (!device.name.empty()) {
        if (error) *error = "device name already set to " + device.name;
        return device;
      }
      device.name = std::string(val);
    } else if (key == "required") {
      base::GoResult<bool> b = base::ParseBool(val);
      if (!b.ok()) {
        if (error) *error = fmt::format("invalid value for {}: {}", key, val);
        return device;
      }
      device.required = b.value;
    } else if (device.name.empty()) {
      device.name = field;  // a first field such as `vendor.com/gpu=all` is the name
    } else {
      static constexpr std::string_view kKeys[] = {"name", "required"};
      if (error) {
        *error = base::WithSuggestion(fmt::format("unexpected key '{}' in '{}'", key, field), key,
                                      std::span<const std::string_view>(kKeys), true);
      }
      return device;
    }
  }
  return device;
}

SourcesAndDest CopySources(const Dockerfile& df, const Instruction& inst, std::string* error) {
  SourcesAndDest out;
  if (inst.args.size() < 2) {
    if (error) *error = "requires at least two arguments";
    return out;
  }
  out.dest = inst.args.back().value;
  if (ParseHeredocWord(out.dest, nullptr)) {
    if (error) {
      *error =
          fmt::format("{} cannot accept a heredoc as a destination", KeywordName(inst.keyword));
    }
    return out;
  }
  for (std::size_t i = 0; i + 1 < inst.args.size(); ++i) {
    const std::string_view src = inst.args[i].value;
    std::optional<HeredocWord> h = ParseHeredocWord(src, nullptr);
    if (!h) {
      out.paths.push_back(src);
      continue;
    }
    InlineFile file;
    file.name = h->name;
    file.expand = h->expand;
    file.chomp = h->chomp;
    // The last heredoc of that name wins, as in BuildKit's lookup map.
    for (const Heredoc& doc : inst.heredocs) {
      if (doc.name == h->name) file.data = std::string(base::Slice(df.text(), doc.body));
    }
    if (h->chomp) file.data = ChompHeredocContent(file.data);
    out.contents.push_back(std::move(file));
  }
  return out;
}

std::vector<InlineFile> HeredocFiles(const Dockerfile& df, const Instruction& inst) {
  std::vector<InlineFile> files;
  for (const Heredoc& doc : inst.heredocs) {
    files.push_back({std::string(doc.name), std::string(base::Slice(df.text(), doc.body)),
                     doc.expand, doc.chomp});
  }
  return files;
}

std::string_view DocComment(std::span<const std::string_view> comments, std::string_view name) {
  if (name.empty()) return {};
  for (std::string_view line : comments) {
    if (line.size() > name.size() && line.substr(0, name.size()) == name &&
        line[name.size()] == ' ') {
      return line.substr(name.size() + 1);
    }
  }
  return {};
}

void CheckInstructions(Dockerfile& df) {
  std::vector<SyntaxError> errors;
  std::vector<std::string_view> args;
  bool in_stage = false;
  for (const Instruction& inst : df.instructions) {
    const std::size_t before = errors.size();
    if (!inst.has_parse_error) Checker(inst, errors, args).Run();
    if (inst.keyword == Keyword::kFrom) in_stage = true;
    if (errors.size() != before) continue;
    if (!in_stage && inst.keyword != Keyword::kArg && !inst.has_parse_error) {
      SyntaxError e;
      e.layer = SyntaxError::Layer::kInstruction;
      e.range = inst.word.range;
      e.message = "no build stage in current context";
      e.no_stage = true;
      e.buildkit_start_line = inst.start_line;
      e.buildkit_end_line = inst.end_line;
      errors.push_back(std::move(e));
    }
  }
  for (SyntaxError& e : errors) df.errors.push_back(std::move(e));
}

}  // namespace shipshape::syntax
