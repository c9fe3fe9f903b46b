package dev.omnichannel.inventory.catalog.repository;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, String> {

    /** Products whose SKU, name or description contains {@code text} (any case); all when blank. */
    public PanacheQuery<Product> search(String text) {
        if (text == null || text.isBlank()) {
            return findAll(Sort.by("sku"));
        }
        String pattern = "%" + text.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return find("lower(sku) like :p or lower(name) like :p or lower(description) like :p",
                Sort.by("sku"), Parameters.with("p", pattern));
    }
}
