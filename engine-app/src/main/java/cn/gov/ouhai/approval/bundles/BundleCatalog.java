package cn.gov.ouhai.approval.bundles;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.gov.ouhai.approval.catalog.Catalog;

/** Reads the bundles: their catalog entries, matters and shared materials. Read per call, like the catalog. */
@Service
class BundleCatalog {

	private final BundleMapper mapper;

	private final Catalog catalog;

	BundleCatalog(BundleMapper mapper, Catalog catalog) {
		this.mapper = mapper;
		this.catalog = catalog;
	}

	List<Bundle> all() {
		return this.mapper.bundles().stream().map(this::complete).toList();
	}

	Optional<Bundle> find(String code) {
		return this.mapper.bundles().stream().filter(b -> b.code().equals(code)).findFirst().map(this::complete);
	}

	private Bundle complete(BundleMapper.BundleRow row) {
		return new Bundle(this.catalog.matter(row.code()).orElseThrow(), row.questionnaireDecision(),
				row.questionnaireForm(),
				this.mapper.matters(row.code()).stream().map(code -> this.catalog.matter(code).orElseThrow()).toList(),
				this.mapper.materialUses(row.code()));
	}

}
