-- End-to-end check of `activity-lint lsp` with Neovim's built-in client (0.7 API): open a bad request, receive the
-- diagnostics, apply code actions through the client, save. Any failed step exits Neovim with status 1.
-- Environment: ACTIVITY_LINT_BIN, CHECK_EDITOR_FILE.
local bin = os.getenv("ACTIVITY_LINT_BIN")
local file = os.getenv("CHECK_EDITOR_FILE")

local function fail(message)
  io.stderr:write("check-editor: FAIL: " .. message .. "\n")
  vim.cmd("cquit 1")
end

local function say(message)
  io.stdout:write("check-editor: " .. message .. "\n")
end

local function code_of(diagnostic)
  return diagnostic.code or (diagnostic.user_data and diagnostic.user_data.lsp and diagnostic.user_data.lsp.code)
end

local function find(buf, code)
  for _, diagnostic in ipairs(vim.diagnostic.get(buf)) do
    if code_of(diagnostic) == code then return diagnostic end
  end
end

local function wait_for(description, condition)
  if not vim.wait(10000, condition, 20) then fail("timed out waiting for " .. description) end
end

vim.cmd("edit " .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = "activity-lint",
  cmd = { bin, "lsp" },
  root_dir = vim.fn.fnamemodify(file, ":p:h"),
})
if not client_id then fail("the server did not start") end
if not vim.lsp.buf_attach_client(buf, client_id) then fail("the client did not attach") end
local client = vim.lsp.get_client_by_id(client_id)

-- 1. Diagnostics arrive, with ranges right after CJK characters and an emoji (UTF-16 on the wire, bytes here).
wait_for("diagnostics", function() return find(buf, "name-forbidden-character") and find(buf, "unknown-member") end)
local name = find(buf, "name-forbidden-character")
local line = vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1]
local space = string.find(line, " worker", 1, true) - 1
if name.lnum ~= 0 or name.col ~= space or name.end_col ~= space + 1 then
  fail(string.format("name-forbidden-character at %d:%d-%d, expected 0:%d-%d", name.lnum, name.col, name.end_col,
    space, space + 1))
end
if name.severity ~= vim.diagnostic.severity.ERROR then fail("name-forbidden-character is not an error") end
if name.source ~= "activity-lint" then fail("source is " .. tostring(name.source)) end
say("diagnostics received: " .. #vim.diagnostic.get(buf))

local function actions_at(diagnostic)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = {
      start = { line = diagnostic.lnum, character = 0 },
      ["end"] = { line = diagnostic.lnum, character = 0 },
    },
    context = { diagnostics = {} },
  }
  local answer = client.request_sync("textDocument/codeAction", params, 5000, buf)
  if not answer or answer.err then fail("textDocument/codeAction failed") end
  return answer.result or {}
end

local function apply(action)
  say("applying: " .. action.title)
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
end

-- 2. "Suppress on this line" through the client: the comment lands above the line and the error goes.
local suppress
for _, action in ipairs(actions_at(name)) do
  if action.title == "Suppress name-forbidden-character on this line" then suppress = action end
end
if not suppress then fail("no suppression action for name-forbidden-character") end
apply(suppress)
wait_for("the suppressed error to go", function() return find(buf, "name-forbidden-character") == nil end)
local first = vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1]
if first ~= "# activity-lint: disable-next-line name-forbidden-character" then fail("line 1 is: " .. first) end

-- 3. The quick fix for `Tags`: the preferred action, from the rule's fix.
local unknown = find(buf, "unknown-member")
local chosen
for _, action in ipairs(actions_at(unknown)) do
  if action.edit and action.isPreferred then chosen = action break end
end
if not chosen then fail("no preferred quick fix for unknown-member") end
apply(chosen)
wait_for("the fixed finding to go", function() return find(buf, "unknown-member") == nil end)

vim.cmd("silent write")
vim.lsp.stop_client(client_id)
wait_for("the server to stop", function() return vim.lsp.client_is_stopped(client_id) end)
say("done")
vim.cmd("qall!")
