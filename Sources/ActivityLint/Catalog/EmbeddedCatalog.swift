/// The catalog files compiled into the binary (see Plugins/EmbedRules).
public enum EmbeddedCatalog {
    public static var files: [(name: String, text: String)] { embeddedRuleFiles }
}
