import Foundation
import Testing

@_spi(Internals) @testable import ActivityLint

// MARK: Helpers

private func parse(_ text: String, limits: ParseLimits = .default) -> HCLFile {
    HCLParser.parse(SourceText(text), limits: limits)
}

/// The body of a text that must parse without an error.
private func body(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> HCLBody {
    let file = parse(text)
    #expect(file.error == nil, "unexpected error: \(String(describing: file.error))", sourceLocation: sourceLocation)
    return file.body
}

/// The value of `x = <expression>`.
private func expression(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> HCLExpression {
    let parsed = body("x = " + text + "\n", sourceLocation: sourceLocation)
    return parsed.attribute("x")?.value ?? HCLExpression(.null, range: SourceRange(at: .start))
}

/// The error of a text that must not parse, as `line:column message`.
private func error(_ text: String, limits: ParseLimits = .default, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    guard let error = parse(text, limits: limits).error else {
        Issue.record("expected a syntax error", sourceLocation: sourceLocation)
        return ""
    }
    return "\(error.range.start) \(error.message)"
}

private func integer(_ expression: HCLExpression?) -> Int? {
    if case .number(let number)? = expression?.kind { return number.integer }
    return nil
}

private func string(_ expression: HCLExpression?) -> StringValue? {
    guard case .template(let template)? = expression?.kind else { return nil }
    return template.literalText
}

private func template(_ expression: HCLExpression?) -> HCLTemplate? {
    if case .template(let template)? = expression?.kind { return template }
    return nil
}

private func other(_ expression: HCLExpression?) -> HCLOtherExpression? {
    if case .other(let other)? = expression?.kind { return other }
    return nil
}

private func traversal(_ expression: HCLExpression?) -> HCLTraversal? {
    if case .traversal(let traversal)? = expression?.kind { return traversal }
    return nil
}

/// `start-end` of a range as `line:column-line:column`.
private func span(_ range: SourceRange?) -> String {
    guard let range else { return "none" }
    return "\(range.start)-\(range.end)"
}

/// The parts of a template as short text: `"lit"`, `${…}`, `%{if}`.
private func partsSummary(_ parts: [HCLTemplatePart]) -> [String] {
    parts.map { part in
        switch part {
        case .literal(let text, _): "\"\(text.text)\""
        case .interpolation(let expression, _): "${\(traversal(expression)?.dottedName ?? "expr")}"
        case .directive(let directive): directive.kind == .ifDirective ? "%{if}" : "%{for}"
        }
    }
}

struct HCLParserTests {
    // MARK: Terraform shapes

    @Test func activityResourceWithEncryptionBlockHasExactPositions() throws {
        let text = """
            resource "aws_sfn_activity" "orders" {
              name = "orders-worker"

              encryption_configuration {
                kms_key_id                        = aws_kms_key.activity.arn
                type                              = "CUSTOMER_MANAGED_KMS_KEY"
                kms_data_key_reuse_period_seconds = 900
              }

              tags = {
                Team          = "payments"
                "cost-center" = "cc-1234"
              }
            }

            """
        let file = body(text)
        let resource = try #require(file.blocks(ofType: "resource").first)
        #expect(span(resource.typeRange) == "1:1-1:9")
        #expect(resource.labels.map(\.value.text) == ["aws_sfn_activity", "orders"])
        #expect(resource.labels.map { span($0.range) } == ["1:10-1:28", "1:29-1:37"])
        #expect(resource.labels.map(\.value.contentStart.description) == ["1:11", "1:30"])
        #expect(span(resource.openBraceRange) == "1:38-1:39")
        #expect(span(resource.closeBraceRange) == "14:1-14:2")

        let name = try #require(resource.body.attribute("name"))
        #expect(span(name.nameRange) == "2:3-2:7")
        #expect(span(name.equalsRange) == "2:8-2:9")
        #expect(span(name.value.range) == "2:10-2:25")
        #expect(string(name.value)?.text == "orders-worker")
        #expect(string(name.value)?.contentStart == SourcePosition(line: 2, column: 11, offset: 49))
        #expect(string(name.value)?.scalarPositions == nil)

        let encryption = try #require(resource.body.blocks(ofType: "encryption_configuration").first)
        #expect(encryption.labels.isEmpty)
        #expect(span(encryption.range) == "4:3-8:4")
        #expect(encryption.body.attributes.map(\.name) == ["kms_key_id", "type", "kms_data_key_reuse_period_seconds"])
        #expect(traversal(encryption.body.attribute("kms_key_id")?.value)?.dottedName == "aws_kms_key.activity.arn")
        #expect(span(encryption.body.attribute("kms_key_id")?.value.range) == "5:41-5:65")
        let period = encryption.body.attribute("kms_data_key_reuse_period_seconds")?.value
        #expect(integer(period) == 900)
        #expect(span(period?.range) == "7:41-7:44")

        let tags = try #require(resource.body.attribute("tags")?.value)
        guard case .object(let items) = tags.kind else { Issue.record("tags is not an object"); return }
        #expect(items.map { $0.literalKey?.text } == ["Team", "cost-center"])
        #expect(items.map { span($0.key.range) } == ["11:5-11:9", "12:5-12:18"])
        #expect(items.map { span($0.separatorRange) } == ["11:19-11:20", "12:19-12:20"])
        #expect(items.map { span($0.value.range) } == ["11:21-11:31", "12:21-12:30"])
        let node = try #require(tags.staticNode)
        #expect(node.memberValue("cost-center")?.string?.text == "cc-1234")
        #expect(node.member("Team")?.keyRange.start.description == "11:5")
    }

    @Test func providerDefaultTagsAndAliases() throws {
        let file = body("""
            provider "aws" {
              region = "eu-west-1"
              default_tags {
                tags = {
                  Environment = "prod"
                  Owner       = "platform"
                }
              }
            }

            provider "aws" {
              alias  = "west"
              region = "us-west-2"
            }

            resource "aws_sfn_activity" "west" {
              provider = aws.west
              name     = "west-worker"
            }
            """)
        let providers = file.blocks(ofType: "provider")
        #expect(providers.count == 2)
        let defaultTags = try #require(providers[0].body.blocks(ofType: "default_tags").first)
        let tags = try #require(defaultTags.body.attribute("tags")?.value.staticNode)
        #expect(tags.members?.map(\.key.text) == ["Environment", "Owner"])
        #expect(tags.member("Owner")?.keyRange.start.description == "6:7")
        #expect(string(providers[1].body.attribute("alias")?.value)?.text == "west")
        let resource = try #require(file.blocks(ofType: "resource").first)
        #expect(traversal(resource.body.attribute("provider")?.value)?.dottedName == "aws.west")
        #expect(resource.body.attribute("provider")?.value.staticNode == nil)
    }

    @Test func variablesLocalsCountForEachAndTemplates() throws {
        let file = body("""
            variable "env" {
              type    = string
              default = "prod"
            }

            locals {
              prefix = "orders"
              names  = toset(["a", "b"])
            }

            resource "aws_sfn_activity" "per_env" {
              count = var.enabled ? 1 : 0
              name  = "orders-${var.env}"
            }

            resource "aws_sfn_activity" "each" {
              for_each = local.names
              name     = "${local.prefix}-${each.key}"
              tags     = merge(var.tags, { Name = each.value })
            }
            """)
        let variable = try #require(file.blocks(ofType: "variable").first)
        #expect(variable.labels.first?.value.text == "env")
        #expect(traversal(variable.body.attribute("type")?.value)?.dottedName == "string")
        #expect(variable.body.attribute("default")?.value.staticNode?.string?.text == "prod")
        let locals = try #require(file.blocks(ofType: "locals").first)
        #expect(locals.body.attributes.map(\.name) == ["prefix", "names"])
        guard case .functionCall(let call)? = locals.body.attribute("names")?.value.kind else {
            Issue.record("toset(...) is not a call")
            return
        }
        #expect(call.name == "toset")
        #expect(call.arguments.first?.staticNode?.elements?.count == 2)

        let resources = file.blocks(ofType: "resource")
        #expect(other(resources[0].body.attribute("count")?.value)?.kind == .conditional)
        let name = try #require(template(resources[0].body.attribute("name")?.value))
        #expect(partsSummary(name.parts) == ["\"orders-\"", "${var.env}"])
        guard case .literal(let literal, let literalRange) = name.parts[0],
            case .interpolation(_, let interpolationRange) = name.parts[1]
        else { return }
        #expect(literal.contentStart.description == "13:12")
        #expect(span(literalRange) == "13:12-13:19")
        #expect(span(interpolationRange) == "13:19-13:29")
        #expect(resources[0].body.attribute("name")?.value.staticNode == nil)

        let each = try #require(template(resources[1].body.attribute("name")?.value))
        #expect(partsSummary(each.parts) == ["${local.prefix}", "\"-\"", "${each.key}"])
        #expect(traversal(resources[1].body.attribute("for_each")?.value)?.dottedName == "local.names")
    }

    // MARK: Structure

    @Test func oneLineBlocksIdentifierLabelsAndEmptyBlocks() throws {
        let file = body("""
            resource aws_sfn_activity bare { name = "a" }
            lifecycle { create_before_destroy = true }
            empty {}
            dynamic "tag" {
            }
            """)
        let blocks = file.blocks
        #expect(blocks.map(\.type) == ["resource", "lifecycle", "empty", "dynamic"])
        #expect(blocks[0].labels.map(\.isQuoted) == [false, false])
        #expect(blocks[0].labels.map { span($0.range) } == ["1:10-1:26", "1:27-1:31"])
        #expect(blocks[0].body.attribute("name")?.value.staticNode?.string?.text == "a")
        #expect(blocks[1].body.attribute("create_before_destroy")?.value.staticNode.map { if case .bool(true) = $0.value { true } else { false } } == true)
        #expect(blocks[2].body.items.isEmpty)
        #expect(span(blocks[3].closeBraceRange) == "5:1-5:2")
    }

    @Test func commentsOfEveryKindAreSkipped() throws {
        let file = body("""
            # a hash comment
            // a slash comment
            /* an inline
               comment over lines */ name = /* here */ "a" # after
            tags = { // inside
              a = 1 /* x */
              # between
              b = 2
            }
            """)
        #expect(file.attributes.map(\.name) == ["name", "tags"])
        #expect(span(file.attribute("name")?.nameRange) == "4:26-4:30")
        #expect(span(file.attribute("name")?.value.range) == "4:44-4:47")
        #expect(file.attribute("tags")?.value.staticNode?.members?.map(\.key.text) == ["a", "b"])
    }

    @Test func crlfLineEndsKeepPositionsAndValues() throws {
        let text = "resource \"aws_sfn_activity\" \"a\" {\r\n  name = \"orders\"\r\n  policy = <<EOT\r\nline one\r\nEOT\r\n}\r\n"
        let file = body(text)
        let resource = try #require(file.blocks.first)
        let name = try #require(resource.body.attribute("name"))
        #expect(span(name.nameRange) == "2:3-2:7")
        #expect(string(name.value)?.contentStart == SourcePosition(line: 2, column: 11, offset: 45))
        // A heredoc's text keeps its line breaks as written.
        #expect(string(resource.body.attribute("policy")?.value)?.text == "line one\r\n")
        #expect(span(resource.closeBraceRange) == "6:1-6:2")
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let file = HCLParser.parse(SourceText(bytes: [0xEF, 0xBB, 0xBF] + Array("name = \"a\"\n".utf8)))
        #expect(file.error == nil)
        #expect(file.body.attribute("name")?.nameRange.start == SourcePosition(line: 1, column: 1, offset: 3))
    }

    // MARK: Literals and strings

    @Test func numbersBoolsAndNull() throws {
        func number(_ text: String) -> NumberValue? {
            if case .number(let number)? = expression(text).staticNode?.value { return number }
            return nil
        }
        #expect(number("900") == NumberValue(literal: "900", integer: 900, isInteger: true))
        #expect(number("-5") == NumberValue(literal: "-5", integer: -5, isInteger: true))
        #expect(number("1.5") == NumberValue(literal: "1.5", integer: nil, isInteger: false))
        #expect(number("3e2") == NumberValue(literal: "3e2", integer: nil, isInteger: false))
        #expect(number("2E-3")?.literal == "2E-3")
        #expect(number("99999999999999999999") == NumberValue(literal: "99999999999999999999", integer: nil, isInteger: true))
        #expect(number("-9223372036854775808")?.integer == Int.min)
        #expect(span(expression("-5").range) == "1:5-1:7")
        if case .bool(false) = expression("false").kind {} else { Issue.record("false") }
        if case .null = expression("null").kind {} else { Issue.record("null") }
        #expect(other(expression("--5"))?.operators == ["-", "-"])
    }

    @Test func escapesDecodeWithThePositionOfEachCharacter() throws {
        let value = try #require(string(expression(#""a\n\t\"\\\u00e9\U0001F600b""#)))
        #expect(value.text == "a\n\t\"\\é😀b")
        // x = "a\n\t\"\\\u00e9\U0001F600b": each escape's character stands where its backslash is.
        #expect(value.scalarPositions?.map(\.column) == [6, 7, 9, 11, 13, 15, 21, 31])
        #expect(value.range(ofScalar: 5).end.column == 21)
        let unicode = try #require(string(expression("\"ü漢🙂 x\"")))
        #expect(unicode.scalarPositions == nil)
        #expect(unicode.position(ofScalar: 4) == SourcePosition(line: 1, column: 10, offset: 15))
    }

    @Test func dollarAndPercentBracesAreEscapedByDoubling() throws {
        let value = try #require(string(expression(#""$${not} %%{not} $5 100%""#)))
        #expect(value.text == "${not} %{not} $5 100%")
        #expect(value.scalarPositions?.prefix(3).map(\.column) == [6, 8, 9])
    }

    @Test func templatesWithDirectivesAndStripMarkers() throws {
        let value = try #require(template(expression(#""a ${~ var.b ~} c%{ if var.c ~}  yes  %{~ else }no%{ endif } ${var.d}""#)))
        #expect(partsSummary(value.parts) == ["\"a\"", "${var.b}", "\"c\"", "%{if}", "\" \"", "${var.d}"])
        guard case .directive(let directive) = value.parts[3] else { return }
        #expect(directive.expression.range.start.column == 28)
        #expect(partsSummary(directive.body) == ["\"yes\""])
        #expect(partsSummary(directive.elseBody ?? []) == ["\"no\""])
        #expect(span(directive.range) == "1:22-1:65")
        let loop = try #require(template(expression(#""%{ for k, v in var.m }${k}=${v},%{ endfor }""#)))
        guard case .directive(let forDirective) = loop.parts.first else { return }
        #expect(forDirective.kind == .forDirective)
        #expect(forDirective.variables == ["k", "v"])
        #expect(partsSummary(forDirective.body) == ["${k}", "\"=\"", "${v}", "\",\""])
    }

    @Test func emptyStringIsStatic() throws {
        let value = try #require(expression("\"\"").staticNode?.string)
        #expect(value.text == "")
        #expect(value.contentStart.description == "1:6")
    }

    // MARK: Heredocs

    @Test func heredocKeepsTextAndPositions() throws {
        let file = body("""
            policy = <<EOT
              {"a": 1}
            ${var.x} done
            EOT
            next = 1
            """)
        let policy = try #require(template(file.attribute("policy")?.value))
        #expect(policy.isHeredoc)
        #expect(partsSummary(policy.parts) == ["\"  {\"a\": 1}\n\"", "${var.x}", "\" done\n\""])
        guard case .literal(let first, _) = policy.parts[0], case .literal(let last, _) = policy.parts[2] else { return }
        #expect(first.position(ofScalar: 2).description == "2:3")
        #expect(last.contentStart.description == "3:9")
        #expect(span(file.attribute("policy")?.value.range) == "1:10-4:4")
        #expect(file.attribute("next") != nil)
    }

    @Test func indentedHeredocRemovesTheCommonIndentation() throws {
        let file = body("""
            a = <<-EOT
                Foo
                  Bar

                ${var.baz}
                EOT
            b = <<-EOT
                Foo
              Bar
              EOT
            c = <<EOT
                NOT EOT
              EOT
            d = <<-EOT
            	Foo
              Bar
              EOT
            """)
        let a = try #require(template(file.attribute("a")?.value))
        #expect(partsSummary(a.parts) == ["\"Foo\n  Bar\n\n\"", "${var.baz}", "\"\n\""])
        guard case .literal(let text, let range) = a.parts[0] else { return }
        #expect(text.position(ofScalar: 0).description == "2:5")
        #expect(text.position(ofScalar: 4).description == "3:5")
        #expect(range.start.description == "2:5")
        #expect(string(file.attribute("b")?.value)?.text == "  Foo\nBar\n")
        #expect(string(file.attribute("c")?.value)?.text == "    NOT EOT\n")
        // A tab counts as one character of indentation.
        #expect(string(file.attribute("d")?.value)?.text == "Foo\n Bar\n")
    }

    @Test func heredocInsideACallAndAnEmptyHeredoc() throws {
        let file = body("policy = jsonencode(<<EOT\n{}\nEOT\n)\nempty = <<EOT\nEOT\n")
        guard case .functionCall(let call)? = file.attribute("policy")?.value.kind else {
            Issue.record("not a call")
            return
        }
        #expect(string(call.arguments.first)?.text == "{}\n")
        #expect(string(file.attribute("empty")?.value)?.text == "")
    }

    // MARK: Collections

    @Test func tuplesAndObjectsInEveryLayout() throws {
        let tuple = try #require(expression("[\n  1,\n  \"two\",\n  [true, null],\n]").staticNode)
        #expect(tuple.elements?.count == 3)
        #expect(tuple.elements?[1].range.start.description == "3:3")
        let object = try #require(expression("{ a = 1, b: 2, \"c\" = 3,\n d = 4\n e = {}\n}").staticNode)
        #expect(object.members?.map(\.key.text) == ["a", "b", "c", "d", "e"])
        #expect(object.member("d")?.keyRange.start.description == "2:2")
        #expect(expression("{}").staticNode?.members?.isEmpty == true)
        #expect(expression("[]").staticNode?.elements?.isEmpty == true)
        // A parenthesized key is an expression, not a name.
        #expect(expression("{ (var.k) = 1 }").staticNode == nil)
        #expect(expression("(\"a\")").staticNode?.string?.text == "a")
    }

    @Test func forExpressions() throws {
        let list = try #require(other(expression("[for s in var.list : upper(s) if s != \"\"]")))
        #expect(list.kind == .forTuple)
        #expect(list.variables == ["s"])
        #expect(list.children.count == 3)
        let map = try #require(other(expression("{\n  for k, v in var.map :\n  k => v...\n  if v != null\n}")))
        #expect(map.kind == .forObject)
        #expect(map.variables == ["k", "v"])
        #expect(map.isGrouping)
        #expect(map.children.count == 4)
    }

    // MARK: Operations

    @Test func operatorsNestByPrecedence() throws {
        let value = try #require(other(expression("a + b * c - d == e && !f || g")))
        #expect(value.kind == .binaryOperation)
        #expect(value.operators == ["||"])
        let and = try #require(other(value.children.first))
        #expect(and.operators == ["&&"])
        let equality = try #require(other(and.children.first))
        #expect(equality.operators == ["=="])
        let sum = try #require(other(equality.children.first))
        #expect(sum.operators == ["+", "-"])
        #expect(sum.children.count == 3)
        #expect(other(sum.children[1])?.operators == ["*"])
        #expect(other(and.children[1])?.kind == .unaryOperation)
        let conditional = try #require(other(expression("a > 1 ? \"x\" : b ? 2 : 3")))
        #expect(conditional.kind == .conditional)
        #expect(other(conditional.children[2])?.kind == .conditional)
        #expect(other(expression("(a + b) * c"))?.children.first.flatMap { other($0)?.kind } == .parentheses)
    }

    @Test func callsWithExpansionAndProviderFunctions() throws {
        guard case .functionCall(let call) = expression("max(\n  var.list...\n)").kind else {
            Issue.record("not a call")
            return
        }
        #expect(call.name == "max")
        #expect(call.expandsFinalArgument)
        #expect(call.arguments.count == 1)
        guard case .functionCall(let namespaced) = expression("provider::aws::arn_parse(var.arn)").kind else {
            Issue.record("not a call")
            return
        }
        #expect(namespaced.name == "provider::aws::arn_parse")
        #expect(span(namespaced.nameRange) == "1:5-1:29")
        guard case .functionCall(let trailing) = expression("merge(a, b,)").kind else { return }
        #expect(trailing.arguments.count == 2)
    }

    @Test func traversalsIndexesAndSplats() throws {
        let value = try #require(traversal(expression("var.tags[\"env\"].x.0")))
        #expect(value.root == "var")
        #expect(value.steps.count == 4)
        #expect(value.dottedName == nil)
        guard case .index(let legacy, let legacyRange) = value.steps[3] else { return }
        #expect(integer(legacy) == 0)
        #expect(span(legacyRange) == "1:22-1:24")
        let splat = try #require(other(expression("aws_instance.web[*].id")))
        #expect(splat.kind == .splat)
        #expect(traversal(splat.children.first)?.dottedName == "aws_instance.web")
        #expect(other(expression("var.list.*.id"))?.kind == .splat)
        let access = try #require(other(expression("f(x)[0].y")))
        #expect(access.kind == .access)
        #expect(access.children.count == 2)
        #expect(span(expression("f(x)[0].y").range) == "1:5-1:14")
    }

    // MARK: Syntax errors

    @Test func syntaxErrorsSayWhatWasExpectedAndWhere() {
        #expect(error("name \"a\"\n") == "1:9 expected '{' to open the block, found a line break")
        #expect(error("name: \"a\"\n") == "1:5 expected '=' or a block's labels and '{' after 'name', found ':'; HCL attributes are set with '=', not ':'")
        #expect(error("name = \"abc\n") == "1:12 a quoted string cannot span lines; is its closing '\"' missing? (write \\n for a line break, or use a heredoc)")
        #expect(error("name = \"abc") == "1:12 unterminated string: the string that starts at line 1, column 8 has no closing '\"'")
        #expect(error("a = <<EOT\ntext\n") == "3:1 unterminated heredoc: the heredoc that starts at line 1, column 5 has no closing line 'EOT'")
        #expect(error("a = <<EOT text\nEOT\n") == "1:10 expected a line break after the heredoc marker '<<EOT', found a space; the heredoc's text starts on the next line")
        #expect(error("resource \"a\" \"b\" {\n  name = 1\n") == "3:1 expected '}' (the block opened at line 1, column 18 is not closed), found end of input")
        #expect(error("name = \"a\\q\"") == "1:10 invalid escape: '\\' followed by 'q'; HCL strings allow \\n \\r \\t \\\" \\\\ \\uNNNN and \\UNNNNNNNN (write \\\\ for a backslash)")
        #expect(error("name = \"\\ud800\"") == "1:9 invalid escape: U+D800 is not a Unicode character (it is half of a UTF-16 surrogate pair)")
        #expect(error("name = 'a'") == "1:8 unexpected character \"'\"; HCL strings are enclosed in double quotes")
        #expect(error("name = \"a\" \"b\"") == "1:12 expected a line break after the value of attribute 'name', found a quoted string; each attribute and block goes on its own line; is a line break or an operator missing?")
        #expect(error("name =\n") == "1:7 expected an expression, found a line break; an attribute needs a value on the same line as its '='")
        #expect(error("b { x = 1\n y = 2 }") == "1:10 expected '}' after the attribute of a one-line block, found a line break; a block whose attribute follows '{' on the same line must close right after it; start the block's content on a new line to give it more")
        #expect(error("tags = { a = 1 b = 2 }") == "1:16 expected ',', a line break or '}' after an object item, found 'b'; is a ',' missing?")
        #expect(error("list = [1 2]") == "1:11 expected ',' or ']' after a list element, found the number 2; is a ',' missing?")
        #expect(error("x = \"%{ endif }\"") == "1:6 '%{ endif }' has no '%{ if ... }' before it")
        #expect(error("x = \"%{ if a }yes\"") == "1:18 the '%{ if }' at line 1, column 6 has no '%{ endif }' before the end of the string")
        #expect(error("x = \"${a\"") == "1:9 expected '}' to close the interpolation that starts at line 1, column 6, found a quoted string")
        #expect(error("x = 1\n}") == "2:1 expected an attribute name or a block type, found '}'; this '}' closes no block")
        #expect(error("/* open") == "1:8 unterminated comment: the comment that starts at line 1, column 1 has no closing '*/'")
        #expect(error("resource \"a-${b}\" {}") == "1:10 a block label must be a literal string, without '${' interpolations or '%{' directives")
        #expect(error("x = a.0.1") == "1:7 expected an attribute name or a whole-number index after '.', found the number 0.1; chained legacy indexes such as .0.1 are not allowed; write [0][1]")
        #expect(error("x = 1\ry = 2") == "1:6 a carriage return (U+000D) must be followed by a line feed; HCL lines end with LF or CR LF")
    }

    @Test func partialBodyBeforeAnErrorIsKept() {
        let file = parse("a = 1\nb { c = 2 }\nd = = 3\n")
        #expect(file.body.items.count == 2)
        #expect(file.findings.map(\.ruleID) == ["syntax-error"])
        #expect(file.findings.first?.range.start.description == "3:5")
    }

    // MARK: Limits and cost

    @Test func nestingDeeperThanTheLimitIsReported() {
        let limits = ParseLimits(maxDepth: 10)
        let deepList = "x = " + String(repeating: "[", count: 20) + String(repeating: "]", count: 20)
        let listError = parse(deepList, limits: limits).error
        #expect(listError?.ruleID == "nesting-too-deep")
        // The eleventh bracket.
        #expect(listError?.range.start.description == "1:15")
        let within = "x = " + String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
        #expect(parse(within, limits: limits).error == nil)
        var blocks = ""
        for _ in 0..<11 { blocks += "b {\n" }
        blocks += String(repeating: "}\n", count: 11)
        #expect(parse(blocks, limits: limits).error?.ruleID == "nesting-too-deep")
        let templates = "x = " + String(repeating: "\"${", count: 12) + "1" + String(repeating: "}\"", count: 12)
        #expect(parse(templates, limits: limits).error?.ruleID == "nesting-too-deep")
    }

    /// A raised `--max-depth` is capped at `HCLParser.maxSupportedDepth`: a million brackets, parentheses,
    /// unary operators or interpolations end in a finding, not a stack overflow, on a thread with a 512 KiB stack.
    @Test func hostileNestingEndsInAFindingOnASmallStack() throws {
        let limits = ParseLimits(maxDepth: 10_000_000)
        let inputs = [
            "x = " + String(repeating: "[", count: 1_000_000),
            "x = " + String(repeating: "(", count: 1_000_000),
            "x = " + String(repeating: "{a=", count: 300_000),
            "x = " + String(repeating: "\"${", count: 300_000),
            "x = " + String(repeating: "f(", count: 300_000),
            String(repeating: "b {\n", count: 300_000),
            "x = \"" + String(repeating: "%{if a}", count: 300_000),
            "x = a" + String(repeating: "[b", count: 300_000),
        ]
        let results = try onSmallStack { inputs.map { parse($0, limits: limits).error?.ruleID } }
        #expect(results == Array(repeating: "nesting-too-deep", count: inputs.count))
        // Long flat chains are not nesting: they parse at any length.
        let flat = [
            "x = " + Array(repeating: "1", count: 200_000).joined(separator: " + "),
            "x = " + String(repeating: "!", count: 200_000) + "a",
            "x = a" + String(repeating: ".b[0]", count: 200_000),
            "x = f()" + String(repeating: "[0]", count: 200_000),
        ]
        #expect(try onSmallStack { flat.map { parse($0, limits: limits).error } }.allSatisfy { $0 == nil })
    }

    @Test
    func aLargeFileParsesWithEveryResource() throws {
        var text = ""
        var index = 0
        while text.utf8.count < 1_100_000 {
            text += """
                resource "aws_sfn_activity" "a\(index)" {
                  name = "orders-${var.env}-\(index)"
                  tags = { Team = "payments", Index = "\(index)" } # comment
                  policy = <<-EOT
                    {"Statement": [${join(",", [for s in var.list : jsonencode(s)])}]}
                  EOT
                }

                """
            index += 1
        }
        let file = body(text)
        #expect(file.blocks.count == index)
        let last = try #require(file.blocks.last)
        #expect(last.labels.last?.value.text == "a\(index - 1)")
        #expect(last.typeRange.start.line == (index - 1) * 7 + 1)
        // A single line of a megabyte: strings and lists.
        let longString = "x = \"" + String(repeating: "ab\\n", count: 300_000) + "\"\n"
        #expect(string(body(longString).attribute("x")?.value)?.text.utf8.count == 900_000)
        let longList = "x = [" + String(repeating: "1, ", count: 350_000) + "]\n"
        #expect(body(longList).attribute("x")?.value.staticNode?.elements?.count == 350_000)
    }

    // MARK: Static values and file kinds

    @Test func onlyStaticExpressionsBecomeNodes() {
        #expect(expression("var.x").staticNode == nil)
        #expect(expression("\"a-${b}\"").staticNode == nil)
        #expect(expression("[1, var.x]").staticNode == nil)
        #expect(expression("{ a = f() }").staticNode == nil)
        #expect(expression("1 + 2").staticNode == nil)
        #expect(expression("{ a = [1, { b = \"c\" }] }").staticNode?.member("a")?.value.elements?[1].memberValue("b")?.string?.text == "c")
    }

    @Test func terraformFileKindsFollowTheToolsNames() {
        #expect(TerraformFileKind.of(path: "infra/main.tf") == .native)
        #expect(TerraformFileKind.of(path: "main.tofu") == .native)
        #expect(TerraformFileKind.of(path: "a/override.tf.json") == .json)
        #expect(TerraformFileKind.of(path: "main.tofu.json") == .json)
        #expect(TerraformFileKind.of(path: "main.TF") == nil)
        #expect(TerraformFileKind.of(path: "dir.tf/") == nil)
        #expect(TerraformFileKind.of(path: ".tf") == nil)
        #expect(TerraformFileKind.of(path: "infra/.tf") == nil)
        #expect(TerraformFileKind.of(path: "infra/é.tf") == .native)
        #expect(TerraformFileKind.of(path: "terraform.tfvars") == nil)
        #expect(TerraformFileKind.of(path: "plan.json") == nil)
    }
}

/// Runs `body` on a thread with a 512 KiB stack (a secondary thread's default on macOS).
private func onSmallStack<T: Sendable>(_ body: @escaping @Sendable () -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        box.value = body()
        done.signal()
    }
    thread.stackSize = 512 * 1024
    thread.start()
    done.wait()
    return try #require(box.value)
}

private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
