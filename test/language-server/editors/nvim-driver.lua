-- Run after the README's Neovim configuration has attached carelint-ls to the opened file: wait for the
-- diagnostics, print them, pick the quick fix titled $FIX_TITLE through Neovim's own code-action menu (vim.ui.select),
-- then write the file and quit. Exit code 0 only when every step happened.
local function out(s) io.stdout:write(s .. '\n') end
local function fail(s) out('FAIL ' .. s); vim.cmd('cquit 1') end
local buf = vim.api.nvim_get_current_buf()
local want = tonumber(os.getenv('EXPECT_COUNT'))
if not vim.wait(20000, function() return #vim.diagnostic.get(buf) >= want end, 20) then
  return fail('expected ' .. want .. ' diagnostics, got ' .. #vim.diagnostic.get(buf))
end
local target
for _, d in ipairs(vim.diagnostic.get(buf)) do
  out(string.format('DIAG %s %d %d %d %d %d', d.code, d.lnum, d.col, d.end_lnum, d.end_col, d.severity))
  if d.code == os.getenv('FIX_RULE') then target = d end
end
if not target then return fail('no diagnostic for ' .. os.getenv('FIX_RULE')) end
local before = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
vim.api.nvim_win_set_cursor(0, { target.lnum + 1, target.col })
local offered = {}
vim.ui.select = function(items, opts, on_choice)
  for _, item in ipairs(items) do
    local title = opts.format_item(item)
    table.insert(offered, title)
    if title == os.getenv('FIX_TITLE') then return on_choice(item) end
  end
  on_choice(nil)
end
vim.lsp.buf.code_action()
if not vim.wait(10000, function() return table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') ~= before end, 20) then
  return fail('the quick fix was not applied; offered: ' .. table.concat(offered, ' | '))
end
for _, title in ipairs(offered) do out('OFFERED ' .. title) end
vim.cmd('write')
out('FIXED')
vim.cmd('qa!')
